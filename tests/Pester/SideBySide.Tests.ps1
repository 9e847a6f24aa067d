#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The module beside its neighbours, on both editions: older copies of its dependencies that another module loaded
    (Az.Accounts', Exchange's or an old Graph's MSAL and Newtonsoft.Json) in either import order, the session's
    connection when the module is removed, and the .NET Framework defaults (TLS, connections per host).
    The old copies come from tests/Pester/Tools/PesterTools.csproj (PackageDownload), restored by ./build.ps1 -Task Test.
#>

Describe 'DigitalChannels beside older copies of its dependencies' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $packages = Get-NuGetPackageFolder
        # The copies those modules ship for the running edition.
        $framework = if ($PSVersionTable.PSEdition -eq 'Core') { 'netstandard2.0', 'netstandard2.0' } else { 'net45', 'net461' }
        $script:OldNewtonsoft = Join-Path $packages "newtonsoft.json/12.0.3/lib/$($framework[0])/Newtonsoft.Json.dll"
        $script:OldMsal = Join-Path $packages "microsoft.identity.client/4.55.0/lib/$($framework[1])/Microsoft.Identity.Client.dll"
        foreach ($path in $OldNewtonsoft, $OldMsal) {
            if (-not (Test-Path $path)) { throw "$path is missing: dotnet restore tests/Pester/Tools/PesterTools.csproj downloads it." }
        }
        $script:Dependencies = Join-Path (Split-Path $ModuleManifest) 'Dependencies'
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory

        # A fresh session per order: what is loaded cannot be unloaded, so each case starts from nothing.
        $script:Probe = Join-Path $TestDrive 'side-by-side.ps1'
        Set-Content -Path $Probe -Encoding UTF8 -Value @'
param([string] $ModuleManifest, [string] $ConnectionFile, [string] $Order, [string] $OldNewtonsoft, [string] $OldMsal)
$ErrorActionPreference = 'Stop'
function Describe-Assembly($Assembly) {
    $context = if ($PSVersionTable.PSEdition -eq 'Core') { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($Assembly).Name } else { 'AppDomain' }
    [ordered] @{ Name = $Assembly.GetName().Name; Version = $Assembly.GetName().Version.ToString(); Location = $Assembly.Location; Context = $context }
}
function Import-OtherModuleAssemblies {
    # What a module without its own load context does with the copies it ships.
    foreach ($path in $OldNewtonsoft, $OldMsal) { [void] [System.Reflection.Assembly]::LoadFrom($path) }
}
if ($Order -eq 'OthersFirst') { Import-OtherModuleAssemblies }
Import-Module $ModuleManifest
Connect-DigitalChannels -ConnectionFile $ConnectionFile
New-ConnectService -Name "Side by side $Order" -Confirm:$false | Out-Null
if ($Order -eq 'ModuleFirst') { Import-OtherModuleAssemblies }
# Signing in again (MSAL) and a call (Newtonsoft.Json) after the other module's copies are in.
Connect-DigitalChannels -ConnectionFile $ConnectionFile
$found = @(Get-ConnectService -Name "Side by side $Order")

# The MSAL and Newtonsoft.Json this connection really uses: the types of the objects it holds.
$connection = Get-DigitalChannelsConnection
$flags = [System.Reflection.BindingFlags] 'NonPublic, Instance'
$tokens = $connection.GetType().GetField('_tokens', $flags).GetValue($connection)
$msal = $tokens.GetType().GetField('_app', $flags).GetValue($tokens).GetType().Assembly
$json = [DigitalChannels.Client.Http.WebexHttpPipeline].GetField('JsonSettings', [System.Reflection.BindingFlags] 'NonPublic, Static').GetValue($null).GetType().Assembly
$loaded = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { -not $_.IsDynamic -and $_.GetName().Name -in 'Newtonsoft.Json', 'Microsoft.Identity.Client' } |
    ForEach-Object { Describe-Assembly $_ })
# The saved sign-ins' store (Microsoft.Identity.Client.Extensions.Msal), loaded by using it.
$protector = [DigitalChannels.Client.Auth.Saved.MsalSecretProtector]::Open((Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())), 'UnencryptedFile')
$extensions = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { -not $_.IsDynamic -and $_.GetName().Name -eq 'Microsoft.Identity.Client.Extensions.Msal' })
$result = [ordered] @{ Found = $found.Count; Msal = Describe-Assembly $msal; Json = Describe-Assembly $json; Loaded = $loaded; Extensions = @($extensions | ForEach-Object { Describe-Assembly $_ }); Protector = $protector.Kind }
'RESULT: ' + (ConvertTo-Json -InputObject $result -Compress -Depth 4)
'@
    }

    AfterAll {
        Stop-Sandbox -Process $Sandbox
    }

    It 'works when another module loaded an older MSAL and Newtonsoft.Json <Order> (<Description>)' -ForEach @(
        @{ Order = 'OthersFirst'; Description = 'the other module was imported first' }
        @{ Order = 'ModuleFirst'; Description = 'DigitalChannels was imported first' }
    ) {
        $seen = Invoke-ChildPowerShell -ScriptPath $Probe -ArgumentList $ModuleManifest, $DataDirectory, $Order, $OldNewtonsoft, $OldMsal

        $seen.Found | Should -Be 1 -Because 'Connect-DigitalChannels and the cmdlets should work against the sandbox'
        # Our own MSAL, not the older one of the session.
        $seen.Msal.Version | Should -Be '4.92.0.0'
        $seen.Msal.Location | Should -BeLike "$Dependencies*"
        # The other module keeps its own copy too.
        @($seen.Loaded | Where-Object { $_.Name -eq 'Microsoft.Identity.Client' -and $_.Version -eq '4.55.0.0' }).Count | Should -Be 1
        # Newtonsoft.Json at least as new as the one the client was built against (PowerShell 7's own is as new).
        [version] $seen.Json.Version | Should -BeGreaterOrEqual ([version] '13.0.0.0')
        # Extensions.Msal (saved sign-ins) comes from Dependencies/ like MSAL, once.
        $seen.Protector | Should -Be 'UnencryptedFile'
        @($seen.Extensions).Count | Should -Be 1
        $seen.Extensions[0].Location | Should -BeLike "$Dependencies*"
        if ($PSVersionTable.PSEdition -eq 'Core') {
            $seen.Msal.Context | Should -Be 'DigitalChannels' -Because "on PowerShell 7 the module's dependencies live in its own load context"
            $seen.Extensions[0].Context | Should -Be 'DigitalChannels'
            @($seen.Loaded | Where-Object { $_.Name -eq 'Microsoft.Identity.Client' -and $_.Version -eq '4.55.0.0' })[0].Context | Should -Be 'Default'
        }
        else {
            $seen.Json.Location | Should -BeLike "$Dependencies*"
            @($seen.Loaded | Where-Object { $_.Name -eq 'Newtonsoft.Json' -and $_.Version -eq '12.0.0.0' }).Count | Should -Be 1
        }
    }
}

Describe 'Remove-Module DigitalChannels' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory
    }

    AfterAll {
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'disposes the current connection and forgets it' {
        Connect-DigitalChannels -ConnectionFile $DataDirectory -ErrorAction Stop
        $connection = Get-DigitalChannelsConnection
        Get-ConnectService -Connection $connection -ErrorAction Stop | Out-Null

        Remove-Module DigitalChannels
        Import-BuiltModule | Out-Null

        { Get-DigitalChannelsConnection -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotConnected,DigitalChannels.PowerShell.Cmdlets.GetDigitalChannelsConnectionCommand'
        $failure = $null
        try { Get-ConnectService -Connection $connection -ErrorAction Stop } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty -Because 'the removed connection should be disposed'
        $failure.Exception | Should -BeOfType [System.ObjectDisposedException]
    }
}

Describe 'The HTTP defaults of each edition' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $script:ProtocolsBefore = [System.Net.ServicePointManager]::SecurityProtocol
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory
        Connect-DigitalChannels -ConnectionFile $DataDirectory -ErrorAction Stop
        Get-ConnectService -ErrorAction Stop | Out-Null
        $script:Connection = Get-DigitalChannelsConnection
    }

    AfterAll {
        Disconnect-DigitalChannels -WarningAction SilentlyContinue
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'on Windows PowerShell 5.1 offers TLS 1.2 and lets the lab runner''s pods share a host; on PowerShell 7 changes no process setting' {
        $protocols = [System.Net.ServicePointManager]::SecurityProtocol
        if ($PSVersionTable.PSEdition -eq 'Desktop') {
            (([int] $protocols -eq 0) -or (($protocols -band [System.Net.SecurityProtocolType]::Tls12) -ne 0)) | Should -BeTrue -Because "SecurityProtocol is $protocols"
            # Every protocol offered before is still offered: other modules are not cut off.
            ($protocols -band $ProtocolsBefore) | Should -Be $ProtocolsBefore
            $limit = [System.Net.ServicePointManager]::FindServicePoint($Connection.BaseUrl).ConnectionLimit
            $limit | Should -BeGreaterOrEqual ([DigitalChannels.Client.Lab.LabCommands]::DefaultThrottleLimit) -Because 'the runner runs 8 pods at once against one host'
        }
        else {
            $protocols | Should -Be $ProtocolsBefore
            [DigitalChannels.Client.Http.HttpHandlerFactory]::IsNetFramework | Should -BeFalse
        }
    }
}
