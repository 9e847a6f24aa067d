#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Issue 12: Connect-DigitalChannels -Interactive in a real PowerShell with the BUILT module against a sandbox. The
    browser the module opens is DIGITALCHANNELS_BROWSER: a small launcher that hands the URL to SignInBrowser.ps1, where
    headless Chromium signs in as the tenant's Owner and allows the access, as an administrator would.
#>

Describe 'Connect-DigitalChannels: an administrator signs in in the browser' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory
        $script:Connection = Get-Content -Raw (Join-Path $DataDirectory 'connection.json') | ConvertFrom-Json
        $script:PreviousBrowser = $env:DIGITALCHANNELS_BROWSER

        function script:Use-Browser([string] $Name) { Use-SignInBrowser -Name $Name -Connection $Connection -Folder $TestDrive }

        function script:Read-BrowserPage([string] $Path) {
            # The browser script writes the last page once the module has answered it, so just after Connect returns.
            $deadline = (Get-Date).AddSeconds(60)
            while (-not (Test-Path $Path) -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 200 }
            Start-Sleep -Milliseconds 200
            Get-Content -Raw $Path
        }
    }

    AfterAll {
        $env:DIGITALCHANNELS_BROWSER = $PreviousBrowser
        if (Get-Command Disconnect-DigitalChannels -ErrorAction SilentlyContinue) { Disconnect-DigitalChannels -WarningAction SilentlyContinue }
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It '-Interactive signs in through the browser, and a cmdlet then works as the Owner' {
        $page = Use-Browser 'allow'
        Connect-DigitalChannels -ConnectionFile $DataDirectory -Interactive -RedirectPort 0 -ErrorAction Stop

        Read-BrowserPage $page | Should -Match 'Signed in'
        $current = Get-DigitalChannelsConnection
        $current.AuthenticationMethod | Should -Be 'RefreshToken'
        $current.OrganizationId | Should -Be $Connection.orgId
        $name = "signed-in $([guid]::NewGuid().ToString('N').Substring(0, 8))"
        New-ConnectService -Name $name | Out-Null
        (Get-ConnectService -Name $name).Name | Should -Be $name
    }

    It '-Interactive with another tenant''s -OrganizationId refuses to connect, naming both organizations' {
        Disconnect-DigitalChannels -WarningAction SilentlyContinue
        $page = Use-Browser 'wrong'
        $other = [guid]::NewGuid().ToString()
        { Connect-DigitalChannels -ConnectionFile $DataDirectory -Interactive -RedirectPort 0 -OrganizationId $other -ErrorAction Stop } |
            Should -Throw -ErrorId 'DigitalChannelsConnectionWrongOrganization*' -ExpectedMessage "*$($Connection.orgId)*$other*"
        Read-BrowserPage $page | Should -Match 'Signed in' # the browser did its part; the module refused afterwards
        { Get-DigitalChannelsConnection -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected*'
    }

    It '-DeviceCode shows the code as a warning, never a prompt, and connects once it is approved in the browser' {
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).AddStatement().
                AddCommand('Connect-DigitalChannels').AddParameter('ConnectionFile', $DataDirectory).AddParameter('DeviceCode').AddParameter('ReturnConnection')
            $running = $shell.BeginInvoke()
            $deadline = (Get-Date).AddSeconds(60)
            while ($shell.Streams.Warning.Count -eq 0 -and -not $running.IsCompleted -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $warning = $shell.Streams.Warning[0].Message
            $warning | Should -Match 'enter the code \S+'
            $url = [regex]::Match($warning, '\(or open (\S+)\)').Groups[1].Value

            $page = Join-Path $TestDrive 'device.txt'
            $command = @(Get-PowerShellCommand)
            & $command[0] @($command | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'SignInBrowser.ps1') `
                -Url $url -Email $Connection.ownerEmail -Password $Connection.ownerPassword -ResultPath $page -Decision approve
            Get-Content -Raw $page | Should -Match 'Device approved'

            $connected = @($shell.EndInvoke($running))
            $shell.Streams.Error | Should -BeNullOrEmpty
            $connected[0].AuthenticationMethod | Should -Be 'RefreshToken'
            $connected[0].OrganizationId | Should -Be $Connection.orgId
            Get-ConnectService -Connection $connected[0] | Should -Not -BeNullOrEmpty
        }
        finally { $shell.Dispose() }
    }

    It '-DeviceCode stops waiting at Ctrl+C (the host stops the pipeline)' {
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).AddStatement().
                AddCommand('Connect-DigitalChannels').AddParameter('ConnectionFile', $DataDirectory).AddParameter('DeviceCode')
            $running = $shell.BeginInvoke()
            $deadline = (Get-Date).AddSeconds(60)
            while ($shell.Streams.Warning.Count -eq 0 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $shell.Streams.Warning.Count | Should -Be 1
            # The poll's wait ends at the host's cancellation, not at the code's expiry (10 minutes on, when this would hang).
            $shell.Stop()
            try { $null = $shell.EndInvoke($running) } catch [System.Management.Automation.PipelineStoppedException] { }
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
            # The only error is the stop itself, not a sign-in failure.
            $shell.Streams.Error | ForEach-Object { $_.FullyQualifiedErrorId | Should -Not -Match '^DigitalChannelsConnection' }
        }
        finally { $shell.Dispose() }
    }
}
