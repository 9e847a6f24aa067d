#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Issue 12 point 3 with the BUILT module in real PowerShell processes against a sandbox: an administrator signs in in
    headless Chromium and saves the sign-in; a NEW pwsh reconnects from it alone and runs a cmdlet; each rotation of the
    refresh token reaches the saved copy (also across processes); -Forget removes it; -Save refuses where no encrypted
    store exists unless an owner-only file is accepted; the encrypted store itself (libsecret in GNOME Keyring under a
    D-Bus session, as a desktop has it); several tenants side by side, picked by name with -Connection.
#>

Describe 'Saved sign-ins and named connections' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory
        $script:Connection = Get-Content -Raw (Join-Path $DataDirectory 'connection.json') | ConvertFrom-Json
        $script:SignIns = Join-Path $TestDrive 'signins'
        $script:Previous = @{
            Browser = $env:DIGITALCHANNELS_BROWSER; SignIns = $env:DIGITALCHANNELS_SAVED_SIGNINS
            Bus = $env:DBUS_SESSION_BUS_ADDRESS; Allow = $env:DIGITALCHANNELS_ALLOW_UNENCRYPTED_SIGNIN
        }
        # Every saved sign-in of this test goes to its own folder (the child processes inherit it).
        $env:DIGITALCHANNELS_SAVED_SIGNINS = $SignIns
        $env:DIGITALCHANNELS_ALLOW_UNENCRYPTED_SIGNIN = $null
        # No keyring in this process, whatever the machine has: libsecret cannot reach a D-Bus session at this address.
        $env:DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/digitalchannels-test-bus'

        function script:Use-Browser([string] $Name) { Use-SignInBrowser -Name $Name -Connection $Connection -Folder $TestDrive }

        function script:Get-SavedRefreshToken([string] $Name) {
            # Only for the owner-only (unencrypted) kind, whose file is readable JSON.
            (Get-Content -Raw (Join-Path $SignIns "$Name.secret") | ConvertFrom-Json).refreshToken
        }

        function script:New-ChildScript([string] $Name, [string] $Body) {
            $path = Join-Path $TestDrive "$Name.ps1"
            Set-Content -Path $path -Value @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModuleManifest'
$Body
"@
            $path
        }
    }

    AfterAll {
        $env:DIGITALCHANNELS_BROWSER = $Previous.Browser
        $env:DIGITALCHANNELS_SAVED_SIGNINS = $Previous.SignIns
        $env:DBUS_SESSION_BUS_ADDRESS = $Previous.Bus
        $env:DIGITALCHANNELS_ALLOW_UNENCRYPTED_SIGNIN = $Previous.Allow
        if (Get-Command Disconnect-DigitalChannels -ErrorAction SilentlyContinue) { Disconnect-DigitalChannels -WarningAction SilentlyContinue }
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    # These keep secrets in the owner-only file, which only a machine without a protector uses, and read it back to
    # follow the rotation; that machine is Linux without a keyring. On Windows (DPAPI) and macOS (Keychain) the
    # client's SavedSignInTests cover saving, rotation and forgetting with the protector in between.
    if ($PSVersionTable.PSEdition -eq 'Core' -and $IsLinux) {
        It '-Save without an encrypted store refuses, naming the cause, before any browser opens' {
            $page = Use-Browser 'refused'
            { Connect-DigitalChannels -ConnectionFile $DataDirectory -Interactive -RedirectPort 0 -Save -Name refused -ErrorAction Stop } |
                Should -Throw -ErrorId 'DigitalChannelsConnectionSecretStoreUnavailable*' -ExpectedMessage '*libsecret*D-Bus*-AllowUnencryptedStorage*'
            Start-Sleep -Milliseconds 500
            Test-Path $page | Should -BeFalse # the browser never started
            Test-Path (Join-Path $SignIns 'refused.json') | Should -BeFalse
            { Get-DigitalChannelsConnection -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected*'
        }

        It '-Save -AllowUnencryptedStorage keeps the sign-in in an owner-only file; a NEW pwsh reconnects with -Saved alone and runs a cmdlet; the rotation reaches the saved copy' {
            $page = Use-Browser 'save'
            Connect-DigitalChannels -ConnectionFile $DataDirectory -Interactive -RedirectPort 0 -Save -AllowUnencryptedStorage -Name pod1 -ErrorAction Stop -WarningVariable warned -WarningAction SilentlyContinue
            ($warned -join ' ') | Should -Match 'UNENCRYPTED'
            (Get-DigitalChannelsConnection).SavedSignIn | Should -Be 'pod1'
            $description = Get-Content -Raw (Join-Path $SignIns 'pod1.json')
            $description | Should -Match '"Protection": "UnencryptedFile"'
            $savedToken = Get-SavedRefreshToken 'pod1'
            $savedToken | Should -Not -BeNullOrEmpty
            $description | Should -Not -Match ([regex]::Escape($savedToken))
            $description | Should -Not -Match ([regex]::Escape($Connection.clientSecret))
            if ($IsLinux -or $IsMacOS) {
                [System.IO.File]::GetUnixFileMode((Join-Path $SignIns 'pod1.secret')) | Should -Be ([System.IO.UnixFileMode] 'UserRead, UserWrite')
                [System.IO.File]::GetUnixFileMode($SignIns) | Should -Be ([System.IO.UnixFileMode] 'UserRead, UserWrite, UserExecute')
            }

            $child = New-ChildScript 'reconnect' @'
$connection = Connect-DigitalChannels -Saved pod1 -PassThru
$name = 'saved ' + [guid]::NewGuid().ToString('N').Substring(0, 8)
New-ConnectService -Name $name | Out-Null
$services = @(Get-ConnectService -Name $name)
'RESULT: ' + (@{ Name = $connection.Name; Org = $connection.OrganizationId; Method = $connection.AuthenticationMethod; Found = $services.Count } | ConvertTo-Json -Compress)
'@
            $result = Invoke-ChildPowerShell -ScriptPath $child
            $result.Name | Should -Be 'pod1'
            $result.Org | Should -Be $Connection.orgId
            $result.Method | Should -Be 'RefreshToken'
            $result.Found | Should -Be 1
            # The child's refresh rotated the token and saved the new one.
            $rotated = Get-SavedRefreshToken 'pod1'
            $rotated | Should -Not -Be $savedToken
            $script:AfterChild = $rotated
        }

        It 'this session, holding the token the child already used, refreshes with the saved (newer) one and keeps working' {
            # The sandbox passes the 14-day access token: the next call gets a 401 and refreshes. Presenting the token the
            # child used would be a replay, which ends the whole sign-in; the saved copy gives the newest.
            Move-SandboxClock -DataDirectory $DataDirectory -Seconds (15 * 24 * 3600)
            Get-ConnectService | Out-Null
            Get-SavedRefreshToken 'pod1' | Should -Not -Be $AfterChild
            (Get-Item (Join-Path $SignIns 'pod1.json') | Get-Content -Raw | ConvertFrom-Json).RefreshedOn | Should -Not -BeNullOrEmpty
        }

        It 'a saved sign-in whose refresh token was revoked says which one ended and how to sign in again' {
            # Present an already-used refresh token: the identity service treats it as a replay and ends the sign-in.
            $path = Join-Path $SignIns 'pod1.secret'
            $secrets = Get-Content -Raw $path | ConvertFrom-Json
            $secrets.refreshToken = $AfterChild
            [System.IO.File]::WriteAllText($path, ($secrets | ConvertTo-Json -Compress))
            Disconnect-DigitalChannels
            { Connect-DigitalChannels -Saved pod1 -ErrorAction Stop } |
                Should -Throw -ErrorId 'DigitalChannelsConnectionSignInExpired*' -ExpectedMessage "*saved sign-in 'pod1' has ended*-Save -Name pod1*"
        }

        It 'Disconnect-DigitalChannels -Forget -WhatIf keeps the saved sign-in; -Forget deletes it and its secrets' {
            Disconnect-DigitalChannels -Name pod1 -Forget -WhatIf
            Test-Path (Join-Path $SignIns 'pod1.json') | Should -BeTrue
            Disconnect-DigitalChannels -Name pod1 -Forget -Confirm:$false
            Test-Path (Join-Path $SignIns 'pod1.json') | Should -BeFalse
            Test-Path (Join-Path $SignIns 'pod1.secret') | Should -BeFalse
            { Connect-DigitalChannels -Saved pod1 -ErrorAction Stop } | Should -Throw -ErrorId 'DigitalChannelsConnectionNotFound*'
        }

        It 'in a D-Bus session with an unlocked GNOME Keyring: -RefreshTokenCredential -Save keeps the secrets in the keyring (libsecret), and a new pwsh reconnects from it' {
            foreach ($tool in 'dbus-run-session', 'gnome-keyring-daemon') {
                Get-Command $tool -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty -Because "$tool is installed by .ci/run (apt: dbus, gnome-keyring)"
            }
            # A refresh token from a browser sign-in, kept for a moment in a variable as a runbook would get it from its vault.
            $null = Use-Browser 'seed'
            Connect-DigitalChannels -ConnectionFile $DataDirectory -Interactive -RedirectPort 0 -Save -AllowUnencryptedStorage -Name seed -ErrorAction Stop -WarningAction SilentlyContinue
            $refreshToken = Get-SavedRefreshToken 'seed'
            Disconnect-DigitalChannels -Name seed -Forget -Confirm:$false
            $tokenFile = Join-Path $TestDrive 'token.txt'
            Set-Content -Path $tokenFile -Value $refreshToken -NoNewline

            $save = New-ChildScript 'keyring-save' @"
`$token = ConvertTo-SecureString (Get-Content -Raw '$tokenFile') -AsPlainText -Force
`$credential = [pscredential]::new('$($Connection.clientId)', `$token)
`$secret = ConvertTo-SecureString '$($Connection.clientSecret)' -AsPlainText -Force
Connect-DigitalChannels -ConnectionFile '$DataDirectory' -RefreshTokenCredential `$credential -ClientSecret `$secret -Save -Name keyring
'RESULT: ' + (@{ Saved = (Get-DigitalChannelsConnection).SavedSignIn } | ConvertTo-Json -Compress)
"@
            $reconnect = New-ChildScript 'keyring-reconnect' @'
Connect-DigitalChannels -Saved keyring
$list = @(Get-DigitalChannelsConnection -ListAvailable | Where-Object Name -eq 'keyring')
'RESULT: ' + (@{ Services = @(Get-ConnectService).Count; Protection = $list[0].Protection; Current = $list[0].Current } | ConvertTo-Json -Compress)
'@
            # One D-Bus session, its own keyring folder, unlocked with a password as a desktop login does; both processes in it.
            $shell = (@(Get-PowerShellCommand) | ForEach-Object { "'$_'" }) -join ' '
            $runner = Join-Path $TestDrive 'keyring.sh'
            Set-Content -Path $runner -Value @"
set -e
export XDG_DATA_HOME='$(Join-Path $TestDrive 'keyring-data')'
printf 'keyring-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
$shell -NoProfile -NonInteractive -File '$save'
$shell -NoProfile -NonInteractive -File '$reconnect'
"@
            $output = @(& dbus-run-session -- sh $runner 2>&1 | ForEach-Object { "$_" })
            $results = @($output | Where-Object { $_.StartsWith('RESULT: ') } | ForEach-Object { $_.Substring(8) | ConvertFrom-Json })
            $results.Count | Should -Be 2 -Because ($output -join "`n")
            $results[0].Saved | Should -Be 'keyring'
            $results[1].Protection | Should -Be 'Libsecret'
            $results[1].Current | Should -BeTrue
            $results[1].Services | Should -BeGreaterOrEqual 1
            # Nothing secret on disk: Extensions.Msal only touches an empty keyring.secret (its change marker); no file in the
            # folder holds the client secret or a refresh token.
            $marker = Join-Path $SignIns 'keyring.secret'
            if (Test-Path $marker) { (Get-Item $marker).Length | Should -Be 0 }
            foreach ($file in Get-ChildItem $SignIns -File) {
                $text = [string](Get-Content -Raw $file.FullName)
                $text | Should -Not -Match ([regex]::Escape($Connection.clientSecret))
                $text | Should -Not -MatchExactly '"refreshToken"'
            }
            (Get-Content -Raw (Join-Path $SignIns 'keyring.json') | ConvertFrom-Json).Protection | Should -Be 'Libsecret'
            # Listing needs no keyring: this process (no D-Bus) still sees it.
            (Get-DigitalChannelsConnection -ListAvailable | Where-Object Name -eq 'keyring').Saved | Should -BeTrue
        }
    }

    It 'several tenants side by side: -Connection by name, Tab completes the names, -ListAvailable lists them, Select switches the default' {
        Connect-DigitalChannels -ConnectionFile $DataDirectory -Name lab -ErrorAction Stop
        $operator = Connect-DigitalChannels -ConnectionFile $DataDirectory -Scope 'sandbox:admin' -ReturnConnection
        $tenant = New-DigitalChannelsSandboxTenant -Name "Pod $([guid]::NewGuid().ToString('N').Substring(0, 6))" -AdministratorEmail 'pod@example.com' -Connection $operator
        $secret = ConvertTo-SecureString $tenant.ClientSecret -AsPlainText -Force
        Connect-DigitalChannels -SandboxUrl $Connection.baseUrl -ClientId $tenant.ClientId -ClientSecret $secret -Scope ([DigitalChannels.Client.Auth.Scopes]::All) -Name pod2 -ErrorAction Stop
        (Get-DigitalChannelsConnection).Name | Should -Be 'pod2'

        # The new tenant has no Digital Channels yet: a Contact Center object shows which tenant a call went to.
        $only = "only in pod2 $([guid]::NewGuid().ToString('N').Substring(0, 6))"
        New-WxccMultimediaProfile -Name $only -BlendingMode Blended -Telephony 1 -Chat 3 -Email 3 -Social 3 -Connection pod2 | Out-Null
        @(Get-WxccMultimediaProfile -Name $only -Connection pod2).Count | Should -Be 1
        @(Get-WxccMultimediaProfile -Connection lab | Where-Object Name -eq $only).Count | Should -Be 0
        { Get-WxccMultimediaProfile -Connection nosuch -ErrorAction Stop } | Should -Throw -ExpectedMessage "*no connection named 'nosuch'*'lab'*'pod2'*"

        $completion = TabExpansion2 -inputScript 'Get-WxccMultimediaProfile -Connection p' -cursorColumn 'Get-WxccMultimediaProfile -Connection p'.Length
        @($completion.CompletionMatches.CompletionText) | Should -Be @('pod2')
        # The saved sign-in 'keyring' of the test before (Describe runs its Its in order).
        $saved = TabExpansion2 -inputScript 'Connect-DigitalChannels -Saved k' -cursorColumn 'Connect-DigitalChannels -Saved k'.Length
        @($saved.CompletionMatches.CompletionText) | Should -Be @('keyring')

        $list = @(Get-DigitalChannelsConnection -ListAvailable)
        ($list | Where-Object Name -eq 'lab').Connected | Should -BeTrue
        ($list | Where-Object Name -eq 'pod2').Current | Should -BeTrue
        ($list | Where-Object Name -eq 'pod2').OrganizationId | Should -Be $tenant.OrganizationId
        ($list | Where-Object Name -eq 'keyring').Connected | Should -BeFalse
        ($list | Out-String) | Should -Not -Match ([regex]::Escape($tenant.ClientSecret))

        Select-DigitalChannelsConnection lab
        (Get-DigitalChannelsConnection).Name | Should -Be 'lab'
        @(Get-WxccMultimediaProfile | Where-Object Name -eq $only).Count | Should -Be 0
        # A line of the list works as -Connection too.
        @(Get-WxccMultimediaProfile -Name $only -Connection ($list | Where-Object Name -eq 'pod2')).Count | Should -Be 1
        Disconnect-DigitalChannels -Name pod2
        (Get-DigitalChannelsConnection).Name | Should -Be 'lab'
    }
}
