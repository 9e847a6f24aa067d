#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The DigitalChannels lab verification pack: checks every pod against a lab definition with Test-DigitalChannelsLab
    (read-only) and reports one test per pod and lab step. A failing test lists every failing check of the step with
    its target, the expected value and the value found.

    Run it with a container (see README.md beside this file):

        $container = New-PesterContainer -Path ./DigitalChannelsLab.Tests.ps1 -Data @{
            Pod        = $pods                      # from New-DigitalChannelsLabPod
            Definition = './MyLab.psd1'             # optional: a path, a hashtable or a LabDefinition; default the shipped Lab 12
            FlowPath   = './Webex Connect Flows/v2.1'  # the .workflow files the definition names
        }
        Invoke-Pester -Container $container -Output Detailed

    Without -Data it checks the current connection (Connect-DigitalChannels), with the pod id in $env:DIGITALCHANNELS_POD_ID
    and the flow folder in $env:DIGITALCHANNELS_FLOW_PATH.
#>
param(
    # The pods to verify, from New-DigitalChannelsLabPod (typed loosely so that the file parses before the module is loaded).
    [object[]] $Pod,
    # A definition file (.psd1 or .json), a hashtable or a LabDefinition; the module's shipped Lab 12 definition when omitted.
    [object] $Definition,
    # The folder of the .workflow files; it replaces Connect.FlowsFolder of the definition.
    [string] $FlowPath
)

BeforeDiscovery {
    if (-not (Get-Module DigitalChannels)) {
        # The pack ships in the module's Verification folder: prefer the module it came with.
        $besideManifest = Join-Path (Split-Path $PSScriptRoot) 'DigitalChannels.psd1'
        if (Test-Path $besideManifest) { Import-Module $besideManifest -ErrorAction Stop } else { Import-Module DigitalChannels -ErrorAction Stop }
    }

    $arguments = @{ ErrorAction = 'Stop' }
    if ($Definition) { $arguments.Definition = $Definition }
    if (-not $FlowPath -and $env:DIGITALCHANNELS_FLOW_PATH) { $FlowPath = $env:DIGITALCHANNELS_FLOW_PATH }
    if ($FlowPath) { $arguments.FlowPath = $FlowPath }
    if ($Pod) {
        $arguments.Pod = $Pod
    }
    elseif ($env:DIGITALCHANNELS_POD_ID) {
        $arguments.PodId = $env:DIGITALCHANNELS_POD_ID
    }

    # Test-DigitalChannelsLab writes the checks pod by pod, in the lab's order; a definition it refuses, or no
    # connection, stops discovery here and Pester reports the container as failed, with the message.
    $checks = @(Test-DigitalChannelsLab @arguments)
    if ($checks.Count -eq 0) {
        throw 'Test-DigitalChannelsLab returned no checks: the definition has nothing to verify, so this run would prove nothing.'
    }

    $script:Pods = @($checks | Group-Object -Property Pod | ForEach-Object {
            @{
                Pod   = $_.Name
                Steps = @($_.Group | Group-Object -Property StepId | ForEach-Object {
                        @{ Lab = $_.Group[0].Lab; Step = $_.Group[0].Step; StepId = $_.Name; Checks = @($_.Group) }
                    })
            }
        })
}

Describe 'Pod <Pod>' -ForEach $Pods {
    It 'Lab <Lab>: <Step>' -ForEach $Steps {
        $failed = @($Checks | Where-Object { -not $_.Passed })
        $message = ($failed | ForEach-Object {
                $line = "$($_.Target): expected $($_.Expectation), found $($_.Actual)"
                if ($_.Reason) { $line += " ($($_.Reason))" }
                $line
            }) -join '; '
        $failed | Should -BeNullOrEmpty -Because "$($failed.Count) check(s) of step $StepId failed: $message"
    }
}
