#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    What only a real PowerShell host shows, for every cmdlet family, with the BUILT module against a sandbox process:
    -WhatIf leaves the tenant as it was, an unattended runspace never gets a prompt when -Confirm:$false is passed (and
    fails instead of hanging when it is not), -ErrorAction Stop turns the cmdlet's error into a terminating one,
    PowerShell.Stop() ends a wait at once, and every runspace keeps its own current connection.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BuiltModule | Out-Null
    $script:Fixtures = Join-Path $RepositoryRoot '../shared/fixtures/workflows/v2.1'
    if (-not (Test-Path $Fixtures)) { throw "The lab fixtures are absent: expected Cisco's flow exports in $Fixtures (../shared beside the repository)." }
    $script:DataDirectory = Join-Path $TestDrive 'sandbox'
    # Make Live takes ten minutes here, so that a wait is still waiting when the test stops it.
    $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory -ExtraArguments '--flow-publish-seconds', '600'
    $script:Operator = Connect-DigitalChannels -ConnectionFile $DataDirectory -Scope 'sandbox:admin' -ReturnConnection -ErrorAction Stop
    Connect-DigitalChannels -ConnectionFile $DataDirectory -ErrorAction Stop

    function New-UnattendedShell {
        <# A PowerShell with no host UI, as a runbook has: any prompt is an error, never a wait. #>
        $shell = [powershell]::Create()
        $null = $shell.AddScript('param($Manifest) Import-Module $Manifest -ErrorAction Stop').AddArgument($ModuleManifest)
        $null = $shell.Invoke()
        $shell.Commands.Clear()
        $shell
    }

    function Get-TenantSnapshot {
        <# Everything the -WhatIf tests could change, as one comparable text. #>
        [ordered]@{
            Services          = @(Get-ConnectService | ForEach-Object { '{0}|{1}' -f $_.Name, $_.Locked } | Sort-Object)
            Flows             = @(Get-ConnectFlow -Service 'Host Tests' | ForEach-Object { '{0}|{1}' -f $_.Name, $_.Status } | Sort-Object)
            Teammates         = @(Get-ConnectTeammate | ForEach-Object { '{0}|{1}' -f $_.Email, $_.Role } | Sort-Object)
            Groups            = @(Get-ConnectGroup | ForEach-Object Name | Sort-Object)
            MultimediaProfile = @(Get-WxccMultimediaProfile | ForEach-Object Name | Sort-Object)
            Sites             = @(Get-WxccSite | ForEach-Object Name | Sort-Object)
            Rona              = Get-WxccRonaTimeout | Select-Object Telephony, Chat, Email, Social
            Attachments       = @(Get-EngageAttachmentSetting | ForEach-Object { '{0}|{1}|{2}' -f $_.Channel, $_.MaxFiles, $_.MaxFileSizeMB } | Sort-Object)
            Templates         = @(Get-EngageTemplate | ForEach-Object Name | Sort-Object)
        } | ConvertTo-Json -Depth 4
    }

    New-ConnectService -Name 'Host Tests' | Out-Null
}

AfterAll {
    Disconnect-DigitalChannels -WarningAction SilentlyContinue
    Stop-Sandbox -Process $Sandbox
    Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
}

Describe '-WhatIf changes nothing, in every cmdlet family' {
    It '<Family>: <Command>' -ForEach @(
        @{ Family = 'Connect services'; Command = { New-ConnectService -Name 'What If' -WhatIf; Remove-ConnectService 'Host Tests' -WhatIf; Set-ConnectService 'Host Tests' -Locked -WhatIf } }
        @{ Family = 'Connect flows'; Command = { New-ConnectFlow -Name 'What If' -Service 'Host Tests' -Kind TaskRouted -WhatIf; Import-ConnectFlow (Join-Path $Fixtures 'Task Close Flow.workflow.zip') -Service 'Host Tests' -WhatIf } }
        @{ Family = 'Connect teammates and groups'; Command = { New-ConnectTeammate -Email 'whatif@example.com' -Role FullAccess -WhatIf; New-ConnectGroup -Name 'What If' -WhatIf } }
        @{ Family = 'Contact Center'; Command = { New-WxccMultimediaProfile -Name 'What If' -BlendingMode Blended -Telephony 1 -Chat 3 -Email 3 -Social 3 -WhatIf; Set-WxccRonaTimeout -Chat 61 -WhatIf } }
        @{ Family = 'Engage'; Command = { Set-EngageAttachmentSetting -Channel chat -MaxFiles 9 -WhatIf; New-EngageTemplate -Name 'What If' -Text 'Hello' -Channel chat -WhatIf } }
    ) {
        $before = Get-TenantSnapshot
        & $Command 6>$null
        Get-TenantSnapshot | Should -Be $before
    }

    It 'Sandbox and provisioning: New-DigitalChannelsSandboxTenant -WhatIf creates no tenant' {
        $mails = @(Get-DigitalChannelsSandboxMail -Connection $Operator).Count
        $tenant = New-DigitalChannelsSandboxTenant -Name 'What If' -AdministratorEmail 'whatif@lab.example' -Connection $Operator -WhatIf
        $tenant | Should -BeNullOrEmpty
        @(Get-DigitalChannelsSandboxMail -Connection $Operator).Count | Should -Be $mails
    }
}

Describe 'An unattended runspace is never prompted' {
    It 'Remove-ConnectService without -Confirm:$false fails at once instead of prompting, and removes nothing' {
        New-ConnectService -Name 'Unattended' | Out-Null
        $shell = New-UnattendedShell
        try {
            $null = $shell.AddCommand('Remove-ConnectService').AddParameter('Identity', 'Unattended').AddParameter('Connection', (Get-DigitalChannelsConnection))
            $problem = try { $null = $shell.Invoke(); $shell.Streams.Error -join '; ' } catch { $_.Exception.InnerException.Message }
            # The default host of a runspace without UI refuses to prompt ("...does not support user interaction").
            $problem | Should -Match 'user interaction|prompt' -Because 'a High-impact removal must be confirmed, and a runspace without a host cannot ask'
        }
        finally { $shell.Dispose() }
        @(Get-ConnectService -Name 'Unattended').Count | Should -Be 1
    }

    It 'Remove-ConnectService -Confirm:$false removes it without a prompt' {
        $shell = New-UnattendedShell
        try {
            $null = $shell.AddCommand('Remove-ConnectService').AddParameter('Identity', 'Unattended').AddParameter('Confirm', $false).AddParameter('Connection', (Get-DigitalChannelsConnection))
            $null = $shell.Invoke()
            $shell.HadErrors | Should -BeFalse -Because ($shell.Streams.Error -join '; ')
        }
        finally { $shell.Dispose() }
        @(Get-ConnectService -Name 'Unattended').Count | Should -Be 0
    }
}

Describe '-ErrorAction Stop' {
    It 'turns a non-terminating error into one that try/catch sees, with the same error id' {
        $nonTerminating = $null
        Get-WxccSite -Name 'No Such Site' -ErrorVariable nonTerminating -ErrorAction SilentlyContinue | Out-Null
        $nonTerminating.Count | Should -Be 1
        $caught = $null
        try { Get-WxccSite -Name 'No Such Site' -ErrorAction Stop | Out-Null } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -Be $nonTerminating[0].FullyQualifiedErrorId
    }
}

Describe 'Stop() during a wait' {
    It 'ends Wait-ConnectFlow at once while the flow is still Publishing' {
        Add-ConnectNodeAuthorization 'Webex CC Task' -Name 'WxCC Authorisation' -ErrorAction Stop | Out-Null
        $flow = Import-ConnectFlow (Join-Path $Fixtures 'Task Routed Flow.workflow.zip') -Service 'Host Tests' |
            Save-ConnectFlow -ErrorAction Stop | Publish-ConnectFlow -Comment 'Stop test' -ErrorAction Stop
        $shell = New-UnattendedShell
        try {
            $null = $shell.AddCommand('Wait-ConnectFlow').AddParameter('Flow', $flow.Name).AddParameter('Service', 'Host Tests').AddParameter('Connection', (Get-DigitalChannelsConnection))
            $async = $shell.BeginInvoke()
            # The wait reports progress once it is polling: then it is really waiting.
            $deadline = (Get-Date).AddSeconds(60)
            while ($shell.Streams.Progress.Count -eq 0 -and -not $async.IsCompleted -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $async.IsCompleted | Should -BeFalse -Because 'the flow publishes for ten minutes'
            $shell.Stop()
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $shell.Dispose() }
        (Get-ConnectFlow -Service 'Host Tests' -Name $flow.Name).Status | Should -Be 'Publishing'
    }
}

Describe 'One current connection per runspace' {
    It 'two runspaces connected to two tenants each keep their own, and this one keeps its own' {
        $tenant = New-DigitalChannelsSandboxTenant -Name 'Second' -AdministratorEmail 'second@lab.example' -Connection $Operator -Confirm:$false
        $file = Get-Content -Raw (Join-Path $DataDirectory 'connection.json') | ConvertFrom-Json
        $mine = (Get-DigitalChannelsConnection).OrganizationId

        $first = New-UnattendedShell
        $second = New-UnattendedShell
        try {
            $null = $first.AddScript('param($File) Connect-DigitalChannels -ConnectionFile $File; (Get-DigitalChannelsConnection).OrganizationId').AddArgument($DataDirectory)
            $null = $second.AddScript('param($Url, $Id, $Secret) Connect-DigitalChannels -SandboxUrl $Url -ClientId $Id -ClientSecret (ConvertTo-SecureString $Secret -AsPlainText -Force); (Get-DigitalChannelsConnection).OrganizationId').
                AddArgument($file.baseUrl).AddArgument($tenant.ClientId).AddArgument($tenant.ClientSecret)
            $firstOrganization = @($first.Invoke())[-1]
            $secondOrganization = @($second.Invoke())[-1]
            $firstOrganization | Should -Be $file.orgId
            $secondOrganization | Should -Be $tenant.OrganizationId
            $secondOrganization | Should -Not -Be $firstOrganization

            # Each runspace still sees its own after the other connected.
            $first.Commands.Clear()
            $null = $first.AddScript('(Get-DigitalChannelsConnection).OrganizationId')
            @($first.Invoke())[-1] | Should -Be $file.orgId
        }
        finally { $first.Dispose(); $second.Dispose() }
        (Get-DigitalChannelsConnection).OrganizationId | Should -Be $mine
    }
}
