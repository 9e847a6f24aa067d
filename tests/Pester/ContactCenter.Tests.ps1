#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Lab 12.5, steps 3 and 4, with the BUILT module (out/DigitalChannels) against a real sandbox process on loopback:
    the multimedia profile, site and teams of step 3, two licensed and synchronized users configured as the lab says,
    and the RONA timeouts of step 4. The tests build on each other and run in order.
    People have no cmdlet yet: they are created through the connection's People client, as a runbook would.
#>

Describe 'Lab 12.5 steps 3 and 4 against the sandbox' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory
        Connect-DigitalChannels -ConnectionFile $DataDirectory -ErrorAction Stop
        $script:Connection = Get-DigitalChannelsConnection
        $script:Emails = 'cl1agent1@lab.example.com', 'cl1sup1@lab.example.com'
        function Wait-Task($Task) { $Task.GetAwaiter().GetResult() }
    }

    AfterAll {
        if (Get-Command Disconnect-DigitalChannels -ErrorAction SilentlyContinue) {
            Disconnect-DigitalChannels -WarningAction SilentlyContinue
        }
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'step 3: the blended multimedia profile MMP (voice 1, chat 3, email 3, social 3)' {
        $mmp = New-WxccMultimediaProfile -Name 'MMP' -BlendingMode Blended -Telephony 1 -Chat 3 -Email 3 -Social 3
        $mmp.BlendingMode | Should -Be 'BLENDED'
        (Get-WxccMultimediaProfile 'MMP').Id | Should -Be $mmp.Id
    }

    It 'a count out of range is refused naming the range, and nothing is created' {
        { New-WxccMultimediaProfile -Name 'Too many' -Chat 7 -ErrorAction Stop } |
            Should -Throw -ErrorId 'WxccMultimediaProfileInvalidArgument,DigitalChannels.PowerShell.Cmdlets.NewWxccMultimediaProfileCommand'
        Get-WxccMultimediaProfile 'Too*' | Should -BeNullOrEmpty
    }

    It 'step 3: the site "Site" uses MMP' {
        $site = New-WxccSite -Name 'Site' -MultimediaProfile 'MMP'
        $site.MultimediaProfileId | Should -Be (Get-WxccMultimediaProfile 'MMP').Id
    }

    It 'step 3: Team1 and Team2 are agent based, in Site, with MMP and the Global Layout' {
        'Team1', 'Team2' | ForEach-Object { New-WxccTeam -Name $_ -Site 'Site' -TeamType AgentBased -MultimediaProfile 'MMP' } | Out-Null
        $teams = @(Get-WxccTeam 'Team*')
        $teams.Count | Should -Be 2
        $layout = (Wait-Task ($Connection.ContactCenter.DesktopLayouts.FindByNameAsync('Global Layout', [Threading.CancellationToken]::None))).Id
        $teams | ForEach-Object {
            $_.TeamType | Should -Be 'AGENT'
            $_.SiteId | Should -Be (Get-WxccSite 'Site').Id
            $_.MultiMediaProfileId | Should -Be (Get-WxccMultimediaProfile 'MMP').Id
            $_.DesktopLayoutId | Should -Be $layout
        }
    }

    It 'a second team with the same name in the site fails with WxccTeamAlreadyExists' {
        { New-WxccTeam -Name 'Team1' -Site 'Site' -MultimediaProfile 'MMP' -ErrorAction Stop } |
            Should -Throw -ErrorId 'WxccTeamAlreadyExists,DigitalChannels.PowerShell.Cmdlets.NewWxccTeamCommand'
    }

    It 'the lab users exist once licensed people are synchronized' {
        $license = Wait-Task ($Connection.People.FindLicenseByNameAsync('Contact Center Premium Agent', [Threading.CancellationToken]::None))
        $license | Should -Not -BeNullOrEmpty
        foreach ($email in $Emails) {
            Wait-Task ($Connection.People.CreateAsync($email, $email.Split('@')[0], $null, $null, [string[]]@($license.Id), [Threading.CancellationToken]::None)) | Out-Null
        }
        $result = Sync-WxccUser -Confirm:$false
        $result.Activated | Should -BeGreaterOrEqual 2
        $Emails | ForEach-Object { Get-WxccUser $_ | Should -Not -BeNullOrEmpty }
    }

    It 'step 3: both users get Premium Agent, Contact Center on, Site, Team1 + Team2, Agent Profile and MMP in one pipeline' {
        $Emails | Set-WxccUser -ContactCenterEnabled -UserProfile 'Premium Agent User Profile' -Site 'Site' `
            -Team 'Team1', 'Team2' -DesktopProfile 'Agent Profile' -MultimediaProfile 'MMP' -ErrorAction Stop
        $teamIds = @((Get-WxccTeam 'Team1').Id, (Get-WxccTeam 'Team2').Id) | Sort-Object
        foreach ($email in $Emails) {
            $user = Get-WxccUser $email
            $user.ContactCenterEnabled | Should -BeTrue
            $user.Active | Should -BeTrue
            $user.SiteId | Should -Be (Get-WxccSite 'Site').Id
            @($user.TeamIds | Sort-Object) | Should -Be $teamIds
            $user.AgentProfileId | Should -Be (Get-WxccDesktopProfile 'Agent Profile').Id
            $user.MultimediaProfileId | Should -Be (Get-WxccMultimediaProfile 'MMP').Id
        }
    }

    It 'MMP cannot be removed while Site and the teams use it' {
        { Remove-WxccMultimediaProfile 'MMP' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'WxccMultimediaProfileInUse,DigitalChannels.PowerShell.Cmdlets.RemoveWxccMultimediaProfileCommand'
        Get-WxccMultimediaProfile 'MMP' | Should -Not -BeNullOrEmpty
    }

    It 'step 4: the RONA timeouts become 18 / 60 / 90 / 60' {
        Set-WxccRonaTimeout -Telephony 18 -Chat 60 -Email 90 -Social 60
        $rona = Get-WxccRonaTimeout
        $rona.Telephony | Should -Be 18
        $rona.Chat | Should -Be 60
        $rona.Email | Should -Be 90
        $rona.Social | Should -Be 60
    }

    It 'step 4: a telephony timeout above 120 s is refused naming the range, and nothing changes' {
        $refused = { Set-WxccRonaTimeout -Telephony 121 -ErrorAction Stop } |
            Should -Throw -ErrorId 'WxccRonaTimeoutInvalidArgument,DigitalChannels.PowerShell.Cmdlets.SetWxccRonaTimeoutCommand' -PassThru
        $refused.Exception.Message | Should -Match '1–120'
        (Get-WxccRonaTimeout).Telephony | Should -Be 18
    }
}
