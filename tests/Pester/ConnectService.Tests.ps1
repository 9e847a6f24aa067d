#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The Connect service cmdlets end to end: the BUILT module (out/DigitalChannels, from ./build.ps1 -Task Build)
    against a real sandbox process on loopback. The tests build on each other and run in order.
#>

Describe 'Connect services against the sandbox' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory
        Connect-DigitalChannels -ConnectionFile $DataDirectory -ErrorAction Stop
    }

    AfterAll {
        if (Get-Command Disconnect-DigitalChannels -ErrorAction SilentlyContinue) {
            Disconnect-DigitalChannels -WarningAction SilentlyContinue
        }
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'Connect-DigitalChannels makes a current connection to the sandbox' {
        $connection = Get-DigitalChannelsConnection
        $connection.EnvironmentName | Should -Be 'sandbox'
        $connection.OrganizationId | Should -Not -BeNullOrEmpty
    }

    It 'Connect-DigitalChannels -Credential signs in with a client id and secret held in a PSCredential' {
        $file = Get-Content -Raw -Path (Join-Path $DataDirectory 'connection.json') | ConvertFrom-Json
        $secret = ConvertTo-SecureString -String $file.clientSecret -AsPlainText -Force
        $credential = New-Object System.Management.Automation.PSCredential ($file.clientId, $secret)
        $connection = Connect-DigitalChannels -SandboxUrl $file.baseUrl -Credential $credential -ReturnConnection -ErrorAction Stop
        $connection.OrganizationId | Should -Be $file.orgId
    }

    It 'New-ConnectService creates a service' {
        $service = New-ConnectService -Name 'Lab A' -Description 'Pester'
        $service.Name | Should -Be 'Lab A'
        $service.Id | Should -Not -BeNullOrEmpty
        $service.Locked | Should -BeFalse
        (Get-ConnectService -Name 'Lab A').Id | Should -Be $service.Id
    }

    It 'New-ConnectService with a name that exists fails with ConnectServiceAlreadyExists' {
        { New-ConnectService -Name 'Lab A' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectServiceAlreadyExists,DigitalChannels.PowerShell.Cmdlets.NewConnectServiceCommand'
        @(Get-ConnectService -Name 'Lab*').Count | Should -Be 1
    }

    It 'Get-ConnectService Lab* | Set-ConnectService -Locked locks every match and nothing else' {
        New-ConnectService -Name 'Lab B' | Out-Null
        New-ConnectService -Name 'Other' | Out-Null

        Get-ConnectService 'Lab*' | Set-ConnectService -Locked

        $labs = @(Get-ConnectService 'Lab*')
        $labs.Count | Should -Be 2
        $labs | ForEach-Object { $_.Locked | Should -BeTrue -Because "$($_.Name) was piped to Set-ConnectService -Locked" }
        (Get-ConnectService 'Other').Locked | Should -BeFalse
    }

    It 'a change to a locked service fails with ConnectServiceLocked and changes nothing' {
        { Set-ConnectService 'Lab A' -Description 'Changed' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectServiceLocked,DigitalChannels.PowerShell.Cmdlets.SetConnectServiceCommand'
        (Get-ConnectService 'Lab A').Description | Should -Be 'Pester'
    }

    It 'Set-ConnectService -Locked:$false unlocks' {
        Set-ConnectService 'Lab A' -Locked:$false
        (Get-ConnectService 'Lab A').Locked | Should -BeFalse
        (Get-ConnectService 'Lab B').Locked | Should -BeTrue
    }

    It 'Set-ConnectService without -Locked leaves the lock as it is' {
        $changed = Set-ConnectService 'Lab A' -Description 'Changed' -PassThru
        $changed.Description | Should -Be 'Changed'
        $changed.Locked | Should -BeFalse
    }

    It 'Remove-ConnectService -WhatIf removes nothing' {
        Remove-ConnectService 'Lab A' -WhatIf
        Get-ConnectService 'Lab A' | Should -Not -BeNullOrEmpty
    }

    It 'Remove-ConnectService -Confirm:$false removes the service' {
        Get-ConnectService 'Lab A' | Remove-ConnectService -Confirm:$false
        { Get-ConnectService 'Lab A' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectServiceNotFound,DigitalChannels.PowerShell.Cmdlets.GetConnectServiceCommand'
        Get-ConnectService 'Lab*' | Select-Object -ExpandProperty Name | Should -Be 'Lab B'
    }

    It 'Get-ConnectService shows the Service Secret with -IncludeSecret and only then' {
        (Get-ConnectService 'Other').ServiceSecret | Should -BeNullOrEmpty
        (Get-ConnectService 'Other' -IncludeSecret).ServiceSecret | Should -Not -BeNullOrEmpty
    }

    It 'Select-Object -First 1 stops the listing early without an error' {
        $first = @(Get-ConnectService -ErrorVariable failures | Select-Object -First 1)
        $first.Count | Should -Be 1
        @(Get-ConnectService).Count | Should -BeGreaterThan 1
        $failures.Count | Should -Be 0
    }

    It 'Without a connection the cmdlets stop with NotConnected, and -Connection still works' {
        $connection = Connect-DigitalChannels -ConnectionFile $DataDirectory -ReturnConnection
        Disconnect-DigitalChannels
        { Get-ConnectService } |
            Should -Throw -ErrorId 'NotConnected,DigitalChannels.PowerShell.Cmdlets.GetConnectServiceCommand'
        (Get-ConnectService 'Other' -Connection $connection).Name | Should -Be 'Other'
        Connect-DigitalChannels -ConnectionFile $DataDirectory
    }
}
