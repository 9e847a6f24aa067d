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

    # Grouped by hand, in the order Test-DigitalChannelsLab wrote them (the lab's): Group-Object sorts its groups on
    # PowerShell 6 and later, which would put "12.1 step 3" before "step 2".
    $byPod = [ordered]@{}
    foreach ($check in $checks) {
        if (-not $byPod.Contains($check.Pod)) { $byPod[$check.Pod] = [ordered]@{} }
        $steps = $byPod[$check.Pod]
        if (-not $steps.Contains($check.StepId)) {
            $steps[$check.StepId] = @{ Lab = $check.Lab; Step = $check.Step; StepId = $check.StepId; Checks = [System.Collections.Generic.List[object]]::new() }
        }
        $steps[$check.StepId].Checks.Add($check)
    }
    $script:Pods = @(foreach ($pod in $byPod.Keys) { @{ Pod = $pod; Steps = @($byPod[$pod].Values) } })
}

Describe 'Pod <Pod>' -ForEach $Pods {
    # One result per step, kept apart as Test-DigitalChannelsLab keeps them: a check that could not run is an error,
    # a difference is a failure, a step not checked because its dependency did not pass is skipped, and a person's part
    # is inconclusive (the lab is not wrong, someone must act). Each value is stated once.
    It 'Lab <Lab>: <Step>' -ForEach $Steps {
        $byResult = @{}
        foreach ($check in $Checks) { $byResult["$($check.Result)"] += @($check) }
        if ($byResult.Error) {
            throw "The check could not run: " + (($byResult.Error | ForEach-Object { "$($_.Target): $($_.Reason)" }) -join '; ')
        }
        if ($byResult.Failed) {
            $message = ($byResult.Failed | ForEach-Object {
                    $line = "$($_.Target): expected $($_.Expectation), found $($_.Actual)"
                    if ($_.Reason) { $line += " ($($_.Reason))" }
                    $line
                }) -join '; '
            $byResult.Failed.Count | Should -Be 0 -Because "these check(s) of step $StepId differ: $message"
        }
        if ($byResult.Skipped) {
            Set-ItResult -Skipped -Because (($byResult.Skipped | ForEach-Object { $_.Reason }) -join '; ')
        }
        if ($byResult.NeedsPerson) {
            Set-ItResult -Inconclusive -Because ('a person must act: ' + (($byResult.NeedsPerson | ForEach-Object { "$($_.Target): $($_.Reason)" }) -join '; '))
        }
    }
}
