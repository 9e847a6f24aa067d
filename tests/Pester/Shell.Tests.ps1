#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Issue 11 points 3 and 4 in a real PowerShell against a real sandbox: Tab completes the tenant's names (and never
    hangs on an absent tenant), names bind from the pipeline, wildcards name objects, the lab guide's words bind to
    enums, and Save | Publish | Wait makes every flow live before waiting. The tests build on each other and run in order.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # What Tab offers at the end of the line, as PSReadLine asks for it.
    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

Describe 'Tab completion, pipeline binding and names' {
    BeforeAll {
        $script:Fixtures = Join-Path $RepositoryRoot '../shared/fixtures/workflows/v2.1'
        if (-not (Test-Path $Fixtures)) { throw "The lab fixtures are absent: expected Cisco's flow exports in $Fixtures (../shared beside the repository)." }
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        # Make Live takes 12 s here (2 minutes on the platform): long enough to tell "published together" from "one after
        # another" even on a loaded machine.
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory -ExtraArguments @('--flow-publish-seconds', '12')
        # Tab's time box (2 s by default) is for people; a loaded CI machine gets longer, so these checks never depend on speed.
        $script:TimeBoxBefore = $env:DIGITALCHANNELS_COMPLETER_TIMEOUT
        $env:DIGITALCHANNELS_COMPLETER_TIMEOUT = '60'
        Connect-DigitalChannels -ConnectionFile $DataDirectory -ErrorAction Stop
        $script:Agnostic = 'Agnostic Flows DO NOT MODIFY'
        New-ConnectService -Name $Agnostic | Out-Null
        Add-ConnectNodeAuthorization 'Webex CC Engage' -Name 'WxCC Engage Authorisation' | Out-Null
        Add-ConnectNodeAuthorization 'Webex CC Task' -Name 'WxCC Authorisation' | Out-Null
        'Lab A', 'Lab B' | ForEach-Object { New-ConnectService -Name $_ | Out-Null }
        New-WxccMultimediaProfile -Name 'MMP' -BlendingMode Blended -Telephony 1 -Chat 3 -Email 3 -Social 3 | Out-Null
        New-WxccSite -Name 'Shell Site' -MultimediaProfile 'MMP' | Out-Null
        New-WxccSite -Name 'Shell Site Two' -MultimediaProfile 'MMP' | Out-Null
    }

    AfterAll {
        $env:DIGITALCHANNELS_COMPLETER_TIMEOUT = $TimeBoxBefore
        Remove-Variable -Name ShellTestConnection -Scope Global -ErrorAction SilentlyContinue
        if (Get-Command Disconnect-DigitalChannels -ErrorAction SilentlyContinue) {
            Disconnect-DigitalChannels -WarningAction SilentlyContinue
        }
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'Tab completes the service names of the tenant, quoted, for Get-, Set- and Remove-ConnectService' {
        $all = Get-Completion 'Get-ConnectService -Name '
        $all.CompletionText | Should -Contain "'$Agnostic'"
        $all.CompletionText | Should -Contain "'Lab A'"
        (Get-Completion "Remove-ConnectService 'La").CompletionText | Should -Be @("'Lab A'", "'Lab B'")
        (Get-Completion 'Set-ConnectService -Identity lab').CompletionText | Should -Be @("'Lab A'", "'Lab B'")
        (Get-Completion 'Get-ConnectFlow -Service Agn').CompletionText | Should -Be @("'$Agnostic'")
    }

    It 'Tab completes the site names for Get-WxccSite and for -Site of other cmdlets' {
        (Get-Completion 'Get-WxccSite -Name Shell').CompletionText | Should -Be @("'Shell Site'", "'Shell Site Two'")
        (Get-Completion 'New-WxccTeam -Name T -Site "Shell Site T').CompletionText | Should -Be @('"Shell Site Two"')
        (Get-Completion 'Set-WxccUser -Identity a@example.com -Site shell').CompletionText | Should -Be @("'Shell Site'", "'Shell Site Two'")
    }

    It 'Tab completes -Role with the roles that may be given, never Owner' {
        $roles = (Get-Completion 'New-ConnectTeammate -Email a@example.com -Role ').CompletionText
        $roles | Should -Be @('FullAccess', 'LimitedAccess', 'ReadOnly', 'Restricted')
        (Get-Completion 'Set-ConnectTeammate a@example.com -Role ').CompletionText | Should -Not -Contain 'Owner'
    }

    It 'Tab reads -Connection from the command line' {
        $global:ShellTestConnection = Connect-DigitalChannels -ConnectionFile $DataDirectory -ReturnConnection
        (Get-Completion 'Get-ConnectService -Connection $ShellTestConnection -Name Lab').CompletionText | Should -Be @("'Lab A'", "'Lab B'")
    }

    It 'what this session creates or removes shows at the next Tab, not after the cache expires' {
        (Get-Completion 'Get-ConnectService -Name Lab').CompletionText | Should -Be @("'Lab A'", "'Lab B'")
        New-ConnectService -Name 'Lab C' | Out-Null
        (Get-Completion 'Get-ConnectService -Name Lab').CompletionText | Should -Be @("'Lab A'", "'Lab B'", "'Lab C'")
        Remove-ConnectService 'Lab C' -Confirm:$false
        (Get-Completion 'Get-ConnectService -Name Lab').CompletionText | Should -Be @("'Lab A'", "'Lab B'")
    }

    It 'three flows through Save | Publish | Wait are all made live before the first one is Live' {
        $imported = Get-ChildItem -Path $Fixtures -Filter 'Task*.workflow.zip' | Import-ConnectFlow -Service $Agnostic
        $imported.Count | Should -Be 3

        $live = $imported | Save-ConnectFlow -WarningAction SilentlyContinue | Publish-ConnectFlow -Comment 'Issue 11' | Wait-ConnectFlow -TimeoutSeconds 120
        @($live).Count | Should -Be 3
        $live | ForEach-Object { $_.Status | Should -Be 'Live' }

        # Wait-ConnectFlow waited at the end: every Make Live happened before any flow finished publishing. Waiting for
        # each flow as it passed would have made the second live only after the first was Live.
        $versions = Get-ConnectFlow -Service $Agnostic | ForEach-Object { $_.Versions | Where-Object Number -EQ 1 }
        $lastPublished = ($versions.PublishedTime | Measure-Object -Maximum).Maximum
        $firstLive = ($versions.LiveTime | Measure-Object -Minimum).Minimum
        $lastPublished | Should -BeLessThan $firstLive
    }

    It 'Tab completes the flow names of the -Service on the command line' {
        (Get-Completion "Save-ConnectFlow -Service '$Agnostic' -Flow 'Task R").CompletionText | Should -Be @("'Task Routed Flow'")
        (Get-Completion 'Wait-ConnectFlow -Flow task').CompletionText | Should -Be @("'Task Close Flow'", "'Task Modified Flow'", "'Task Routed Flow'")
    }

    It 'Get-ConnectFlow without -Service lists every flow of the tenant' {
        New-ConnectFlow -Name 'Orders chat' -Service 'Lab A' -Kind LiveChat | Out-Null
        $flows = Get-ConnectFlow
        $flows.Name | Sort-Object | Should -Be @('Orders chat', 'Task Close Flow', 'Task Modified Flow', 'Task Routed Flow')
        (Get-ConnectFlow -Name 'Orders*').ServiceName | Should -Be 'Lab A'
    }

    It 'a wildcard -Service names the services it matches; where one object is meant, a pattern must match exactly one' {
        (Get-ConnectFlow -Service 'Agnostic*').Name | Sort-Object | Should -Be @('Task Close Flow', 'Task Modified Flow', 'Task Routed Flow')
        (Get-ConnectFlow -Service 'Lab*').Name | Should -Be 'Orders chat'
        (Get-ConnectFlow 'Agnostic*' 'Task R*').Name | Should -Be 'Task Routed Flow'

        (Save-ConnectFlow 'Orders*' -Service 'L*A' -WarningAction SilentlyContinue).Name | Should -Be 'Orders chat'
        { Get-ConnectFlow -Service 'Zed*' -ErrorAction Stop } | Should -Throw -ErrorId 'ConnectFlowNotFound,DigitalChannels.PowerShell.Cmdlets.GetConnectFlowCommand'
        $several = { Set-ConnectService 'Lab*' -Locked -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectServiceInvalidArgument,DigitalChannels.PowerShell.Cmdlets.SetConnectServiceCommand' -PassThru
        $several.Exception.Message | Should -BeLike "*'Lab*' matches 2 Connect services ('Lab A', 'Lab B')*exactly one*"
        (Get-ConnectService 'Lab A').Locked | Should -BeFalse
        (Get-WxccSite 'Shell Site T*').Name | Should -Be 'Shell Site Two'
        { Remove-WxccSite 'Shell*' -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'WxccSiteInvalidArgument,DigitalChannels.PowerShell.Cmdlets.RemoveWxccSiteCommand'
    }

    It 'names bind from the pipeline by value' {
        ('Lab A', 'Lab B' | Get-ConnectService).Name | Should -Be @('Lab A', 'Lab B')
        ('Lab A', 'Lab B' | Get-ConnectFlow).Name | Should -Be 'Orders chat'
        ('Shell Site', 'Shell Site Two' | Get-WxccSite).Name | Should -Be @('Shell Site', 'Shell Site Two')
        'Lab B' | Set-ConnectService -Description 'by value'
        (Get-ConnectService 'Lab B').Description | Should -Be 'by value'
    }

    It 'names bind from the pipeline by property name (Import-Csv rows, custom objects)' {
        $rows = @([pscustomobject]@{ Name = 'Lab A'; Owner = 'x' }, [pscustomobject]@{ Name = 'Lab B'; Owner = 'y' })
        ($rows | Get-ConnectService).Name | Should -Be @('Lab A', 'Lab B')
        $rows | Set-ConnectService -Description 'by property name'
        (Get-ConnectService 'Lab*').Description | Should -Be @('by property name', 'by property name')
        ([pscustomobject]@{ Name = 'Shell Site' } | Get-WxccSite).Name | Should -Be 'Shell Site'
        $teammate = New-ConnectTeammate -Email 'piped@example.com' -Role ReadOnly
        ([pscustomobject]@{ Email = 'piped@example.com' } | Set-ConnectTeammate -Role LimitedAccess -PassThru).Role | Should -Be 'LimitedAccess'
        # A whole object still binds as the object.
        (Get-ConnectService 'Lab A' | Set-ConnectService -Description 'by object' -PassThru).Description | Should -Be 'by object'
    }

    It "the lab guide's words bind where the value is an enum: -Role 'Full Access'" {
        $admin = New-ConnectTeammate -Email 'admin2@example.com' -Role 'Full Access'
        $admin.Role | Should -Be 'FullAccess'
        (Set-ConnectTeammate 'admin2@example.com' -Role 'Read Only' -PassThru).Role | Should -Be 'ReadOnly'
        { New-ConnectTeammate -Email 'owner2@example.com' -Role Owner -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,DigitalChannels.PowerShell.Cmdlets.NewConnectTeammateCommand'
        (New-WxccTeam -Name 'Words Team' -Site 'Shell Site' -TeamType 'Agent Based' -MultimediaProfile 'MMP').Name | Should -Be 'Words Team'
        (New-ConnectFlow -Name 'Chat words' -Service 'Lab B' -Kind 'Live Chat').Kind | Should -Be 'LiveChat'

        # And an object from the pipeline still binds as the object where a name would bind too.
        (New-ConnectApp -Name 'Shell chat' -Channel 'Live Chat').Channel | Should -Be 'LiveChat'
        Get-ConnectAsset 'Shell chat' | Remove-ConnectApp -Confirm:$false
        Get-ConnectAsset 'Shell*' | Should -BeNullOrEmpty
    }
}

Describe 'Tab completion against an absent tenant' {
    BeforeAll {
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'gone'
        $sandbox = Start-Sandbox -DataDirectory $DataDirectory
        $global:ShellTestGoneConnection = Connect-DigitalChannels -ConnectionFile $DataDirectory -ReturnConnection -ErrorAction Stop
        Stop-Sandbox -Process $sandbox
    }

    AfterAll {
        Remove-Variable -Name ShellTestGoneConnection -Scope Global -ErrorAction SilentlyContinue
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'returns with nothing and no error when the server is gone' {
        $Error.Clear()
        $names = Get-Completion 'Get-ConnectService -Connection $ShellTestGoneConnection -Name '
        $names | Should -BeNullOrEmpty
        (Get-Completion 'Get-WxccSite -Connection $ShellTestGoneConnection -Name S') | Should -BeNullOrEmpty
        $Error.Count | Should -Be 0
    }
}
