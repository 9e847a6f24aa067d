#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Lab 12.5 steps 1 and 2 with the BUILT module against a real sandbox whose Make Live publishes in 1 second, using
    Cisco's v2.1 exports from ../shared/fixtures/workflows. The tests build on each other and run in order.
#>

Describe 'Lab 12.5: integrations and the channel-agnostic flows' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $script:Fixtures = Join-Path $RepositoryRoot '../shared/fixtures/workflows/v2.1'
        if (-not (Test-Path $Fixtures)) { throw "The lab fixtures are absent: expected Cisco's flow exports in $Fixtures (../shared beside the repository)." }
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory -ExtraArguments @('--flow-publish-seconds', '1')
        Connect-DigitalChannels -ConnectionFile $DataDirectory -ErrorAction Stop
        $script:ServiceName = 'Agnostic Flows DO NOT MODIFY'
    }

    AfterAll {
        if (Get-Command Disconnect-DigitalChannels -ErrorAction SilentlyContinue) {
            Disconnect-DigitalChannels -WarningAction SilentlyContinue
        }
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'both pre-built integrations start Authorization Pending' {
        $integrations = @(Get-ConnectIntegration)
        $integrations.Name | Sort-Object | Should -Be @('Webex CC Engage', 'Webex CC Task')
        $integrations | ForEach-Object { $_.Status | Should -Be 'AuthorizationPending' }
    }

    It 'step 1: a node authorization on each makes both Authorized' {
        Add-ConnectNodeAuthorization 'Webex CC Engage' -Name 'WxCC Engage Authorisation' | Out-Null
        Get-ConnectIntegration 'Webex CC Task' | Add-ConnectNodeAuthorization -Name 'WxCC Authorisation' -Account 'cl1admin1@email.carehybrid.com' | Out-Null
        Get-ConnectIntegration | ForEach-Object { $_.Status | Should -Be 'Authorized' }
    }

    It 'Import-ConnectFlow -WhatIf imports nothing' {
        New-ConnectService -Name $ServiceName | Out-Null
        Import-ConnectFlow (Join-Path $Fixtures 'Task Routed Flow.workflow.zip') -Service $ServiceName -WhatIf
        @(Get-ConnectFlow $ServiceName).Count | Should -Be 0
    }

    It 'step 2: the three zips import from the pipeline, save without findings, and go Live' {
        $flows = Get-ChildItem -Path $Fixtures -Filter 'Task*.workflow.zip' | Import-ConnectFlow -Service $ServiceName
        $flows.Name | Sort-Object | Should -Be @('Task Close Flow', 'Task Modified Flow', 'Task Routed Flow')

        $live = $flows | Save-ConnectFlow -WarningVariable findings | Publish-ConnectFlow -Comment 'Lab 12.5' | Wait-ConnectFlow -TimeoutSeconds 60
        $findings.Count | Should -Be 0
        $live | ForEach-Object { $_.Status | Should -Be 'Live' }
        Get-ConnectFlow $ServiceName | ForEach-Object { $_.LiveVersion | Should -Be 1 }
    }

    It 'the same file again changes nothing' {
        (Import-ConnectFlow (Join-Path $Fixtures 'Task Routed Flow.workflow') -Service $ServiceName).ImportResult | Should -Be 'Unchanged'
    }

    It 'a second Task Routed flow anywhere in the tenant is refused with ConnectFlowAlreadyExists' {
        New-ConnectService -Name 'Lab A' | Out-Null
        { Import-ConnectFlow (Join-Path $Fixtures 'Task Routed Flow.workflow') -Service 'Lab A' -Name 'Routing' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectFlowAlreadyExists,DigitalChannels.PowerShell.Cmdlets.ImportConnectFlowCommand'
        @(Get-ConnectFlow 'Lab A').Count | Should -Be 0
    }

    It 'a file that is not an export is refused with ConnectFlowInvalidData, naming the file' {
        $bad = Join-Path $TestDrive 'Task Routed Copy.workflow'
        Set-Content -Path $bad -Value 'ABCD' -NoNewline
        $record = { Import-ConnectFlow $bad -Service 'Lab A' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectFlowInvalidData,DigitalChannels.PowerShell.Cmdlets.ImportConnectFlowCommand' -PassThru
        $record.Exception.Message | Should -BeLike "*'Task Routed Copy.workflow'*upper-case hex*"
    }

    It 'once the service is locked (lab rule 39) its flows cannot change' {
        Set-ConnectService $ServiceName -Locked
        { Get-ConnectFlow $ServiceName 'Task Close Flow' | Remove-ConnectFlow -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectFlowLocked,DigitalChannels.PowerShell.Cmdlets.RemoveConnectFlowCommand'
        @(Get-ConnectFlow $ServiceName).Count | Should -Be 3
    }

    It 'the Owner creates and removes an app; the Cisco numbers stay' {
        $app = New-ConnectApp 'Web chat' -Channel LiveChat
        Get-ConnectAsset -Type App | Select-Object -ExpandProperty Name | Should -Be 'Web chat'
        Remove-ConnectApp -App $app -Confirm:$false
        @(Get-ConnectAsset -Type App).Count | Should -Be 0
        @(Get-ConnectAsset -Type Number).Count | Should -Be 3
    }
}
