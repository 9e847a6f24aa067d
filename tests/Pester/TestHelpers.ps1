# Shared by the Pester tests: where the built module and the sandbox are, and how to start and stop a sandbox.
# Dot-source it in BeforeAll (or BeforeDiscovery): it defines variables and functions in the calling scope. Works on Windows PowerShell 5.1 and PowerShell 7.

$RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$Configuration = if ($env:DIGITALCHANNELS_CONFIGURATION) { $env:DIGITALCHANNELS_CONFIGURATION } else { 'Release' }
$ModuleManifest = Join-Path $RepositoryRoot 'out/DigitalChannels/DigitalChannels.psd1'
$SandboxAssembly = Join-Path $RepositoryRoot "src/DigitalChannels.Sandbox/bin/$Configuration/net10.0/DigitalChannels.Sandbox.dll"

function Import-BuiltModule {
    if (-not (Test-Path $ModuleManifest)) {
        throw "The built module is missing: $ModuleManifest. Run ./build.ps1 -Task Build first."
    }
    Import-Module $ModuleManifest -Force -ErrorAction Stop -PassThru
}

function Start-Sandbox {
    <# Starts the sandbox on a free loopback port (port 0: the server picks one and writes it into connection.json). #>
    param([Parameter(Mandatory)] [string] $DataDirectory, [string[]] $ExtraArguments = @())
    if (-not (Test-Path $SandboxAssembly)) {
        throw "The sandbox is not built: $SandboxAssembly. Run ./build.ps1 -Task Build -Configuration $Configuration first."
    }
    New-Item -ItemType Directory -Path $DataDirectory -Force | Out-Null
    $stdout = Join-Path $DataDirectory 'sandbox.out.txt'
    $stderr = Join-Path $DataDirectory 'sandbox.err.txt'
    # Start-Process joins the arguments with spaces, so paths are quoted here.
    $arguments = @("`"$SandboxAssembly`"", '--urls', 'http://127.0.0.1:0', '--data', "`"$DataDirectory`"") + $ExtraArguments
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $stdout -RedirectStandardError $stderr

    $connectionFile = Join-Path $DataDirectory 'connection.json'
    $deadline = (Get-Date).AddSeconds(60)
    while (-not (Test-Path $connectionFile)) {
        if ($process.HasExited) {
            throw "The sandbox exited with code $($process.ExitCode) before it was ready: $(Get-Content -Raw -Path $stderr -ErrorAction SilentlyContinue)"
        }
        if ((Get-Date) -gt $deadline) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            throw "The sandbox did not write $connectionFile within 60 seconds."
        }
        Start-Sleep -Milliseconds 200
    }
    $process
}

function Stop-Sandbox {
    param($Process)
    if ($Process -and -not $Process.HasExited) {
        Stop-Process -Id $Process.Id -Force -ErrorAction SilentlyContinue
        $null = $Process.WaitForExit(10000)
    }
}

function Get-PowerShellCommand {
    <# This PowerShell as a command line for a child process: powershell.exe, pwsh, or "dotnet <PSHOME>/pwsh.dll" when pwsh runs as a dotnet tool. #>
    $process = (Get-Process -Id $PID).Path
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { $process, (Join-Path $PSHOME 'pwsh.dll') }
    else { $process }
}

function New-DirectoryLink {
    <# A folder link that needs no privilege: a junction on Windows, a symbolic link elsewhere. #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Target)
    $windows = $PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows
    New-Item -ItemType $(if ($windows) { 'Junction' } else { 'SymbolicLink' }) -Path $Path -Target $Target | Out-Null
}

function Invoke-ChildPowerShell {
    <#
        Runs a script file in a fresh PowerShell of this edition (no profile, nothing of this session loaded) and returns
        the object its line "RESULT: <json>" describes. Throws with the child's whole output when it fails or says nothing.
    #>
    param([Parameter(Mandatory)] [string] $ScriptPath, [string[]] $ArgumentList = @())
    $shell = @(Get-PowerShellCommand)
    $ErrorActionPreference = 'Continue' # the child's stderr is part of its output, not an error of this session
    $output = @(& $shell[0] @($shell | Select-Object -Skip 1) -NoProfile -NonInteractive -ExecutionPolicy Bypass -File $ScriptPath @ArgumentList 2>&1 |
        ForEach-Object { "$_" })
    $exitCode = $LASTEXITCODE
    $result = @($output | Where-Object { $_.StartsWith('RESULT: ') }) | Select-Object -Last 1
    if ($exitCode -ne 0 -or -not $result) {
        throw "The child PowerShell ($ScriptPath) exited with ${exitCode}:`n$($output -join "`n")"
    }
    $result.Substring('RESULT: '.Length) | ConvertFrom-Json
}

function Get-NuGetPackageFolder {
    <# The NuGet global packages folder, where tests/Pester/Tools restores Pester and the side-by-side test's old assemblies. #>
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    # "global-packages: /root/.nuget/packages/"
    ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
}

function Invoke-ModulePackageRoundTrip {
    <#
        What the Gallery would serve: publishes the built module to a temporary local PSResource repository, saves it from
        there into an empty folder and imports it BY NAME in a fresh PowerShell whose PSModulePath is only that folder and
        $PSHOME/Modules. Returns what that session saw; the repository is unregistered again whatever happens.
        Needs Microsoft.PowerShell.PSResourceGet (in PowerShell 7.4 and later; Install-Module it on Windows PowerShell 5.1).
        -FlowPath (the .workflow files, e.g. ../shared/fixtures/workflows/v2.1) lets the session read the shipped lab definition.
    #>
    param([Parameter(Mandatory)] [string] $WorkFolder, [string] $FlowPath)
    if (-not (Test-Path $ModuleManifest)) { throw "The built module is missing: $ModuleManifest. Run ./build.ps1 -Task Build first." }
    if (-not (Get-Command -Name Publish-PSResource -ErrorAction SilentlyContinue)) {
        throw 'Publish-PSResource is not available: install Microsoft.PowerShell.PSResourceGet (it ships with PowerShell 7.4 and later).'
    }
    $repositoryFolder = Join-Path $WorkFolder 'repository'
    $installFolder = Join-Path $WorkFolder 'modules'
    New-Item -ItemType Directory -Path $repositoryFolder, $installFolder -Force | Out-Null
    $psData = (Import-PowerShellDataFile -Path $ModuleManifest).PrivateData.PSData
    $isPrerelease = [bool] ($psData -and $psData['Prerelease']) # Save-PSResource finds a prerelease only when asked

    $repositoryName = 'DigitalChannelsLocal' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    Register-PSResourceRepository -Name $repositoryName -Uri $repositoryFolder -Trusted
    try {
        Publish-PSResource -Path (Split-Path $ModuleManifest) -Repository $repositoryName -ErrorAction Stop
        $package = @(Get-ChildItem -Path $repositoryFolder -Filter 'DigitalChannels.*.nupkg')
        if ($package.Count -ne 1) { throw "Publish-PSResource wrote $($package.Count) DigitalChannels packages into $repositoryFolder." }
        Save-PSResource -Name 'DigitalChannels' -Repository $repositoryName -Path $installFolder -TrustRepository -Prerelease:$isPrerelease -ErrorAction Stop
    }
    finally {
        Unregister-PSResourceRepository -Name $repositoryName -ErrorAction SilentlyContinue
    }

    # The fresh session: only the installed copy (and PowerShell's own modules) can be found by name.
    $probe = Join-Path $WorkFolder 'probe.ps1'
    Set-Content -Path $probe -Encoding UTF8 -Value @'
param([string] $InstallFolder, [string] $FlowPath)
$ErrorActionPreference = 'Stop'
$env:PSModulePath = $InstallFolder + [System.IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
$module = Import-Module -Name DigitalChannels -PassThru
$base = $module.ModuleBase
$helpFile = Join-Path $base 'en-US/DigitalChannels.PowerShell.dll-Help.xml'
$result = [ordered] @{
    ModuleBase     = $base
    Version        = $module.Version.ToString()
    Files          = @(Get-ChildItem -Path $base -Recurse -File | ForEach-Object { $_.FullName.Substring($base.Length + 1).Replace('\', '/') })
    Exported       = @((Get-Command -Module DigitalChannels -CommandType Cmdlet).Name)
    Declared       = @((Import-PowerShellDataFile -Path (Join-Path $base 'DigitalChannels.psd1')).CmdletsToExport)
    FormatViews    = @(Get-FormatData -TypeName 'DigitalChannels.Client.DigitalChannelsConnection', 'DigitalChannels.Client.Connect.ConnectService').Count
    HelpSynopsis   = if (Test-Path $helpFile) { (Get-Help -Name Connect-DigitalChannels).Synopsis } else { $null }
    LabDefinition  = if ($FlowPath) { (Get-DigitalChannelsLabDefinition -FlowPath $FlowPath).Source } else { $null }
}
'RESULT: ' + (ConvertTo-Json -InputObject $result -Compress -Depth 3)
'@
    $arguments = @($installFolder) + @(if ($FlowPath) { $FlowPath })
    $seen = Invoke-ChildPowerShell -ScriptPath $probe -ArgumentList $arguments
    $seen | Add-Member -NotePropertyName Package -NotePropertyValue $package[0].FullName -PassThru |
        Add-Member -NotePropertyName InstallFolder -NotePropertyValue $installFolder -PassThru
}

function Get-SandboxToken {
    <# Test support: a token of the sandbox's own client (connection.json), for the routes that have no cmdlet. #>
    param([Parameter(Mandatory)] [string] $DataDirectory, [string] $Scope = 'sandbox:admin')
    $file = Get-Content -Raw (Join-Path $DataDirectory 'connection.json') | ConvertFrom-Json
    $token = (Invoke-RestMethod -Method Post -Uri "$($file.baseUrl.TrimEnd('/'))/v1/access_token" -Body @{
            grant_type = 'client_credentials'; client_id = $file.clientId; client_secret = $file.clientSecret; scope = $Scope }).access_token
    [pscustomobject] @{ BaseUrl = $file.baseUrl.TrimEnd('/'); OrgId = $file.orgId; Token = $token }
}

function Move-SandboxClock {
    <# Test support: the sandbox clock has no cmdlet, so its route is called directly (tokens expire by the same clock). #>
    param([Parameter(Mandatory)] [string] $DataDirectory, [Parameter(Mandatory)] [int] $Seconds)
    $sandbox = Get-SandboxToken -DataDirectory $DataDirectory
    Invoke-RestMethod -Method Post -Uri "$($sandbox.BaseUrl)/sandbox/v1/clock/advance" -Headers @{ Authorization = "Bearer $($sandbox.Token)" } `
        -ContentType 'application/json' -Body (@{ seconds = $Seconds } | ConvertTo-Json) | Out-Null
}

function Use-SignInBrowser {
    <#
    Points the module's browser launcher (DIGITALCHANNELS_BROWSER) at SignInBrowser.ps1, which signs in on the sandbox's
    pages in headless Chromium as the Owner of the connection file. Returns the file the last page is written to.
    #>
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] $Connection, # connection.json's content: ownerEmail, ownerPassword
        [Parameter(Mandatory)] [string] $Folder
    )
    $result = Join-Path $Folder "$Name.txt"
    $shell = @(Get-PowerShellCommand) | ForEach-Object { "`"$_`"" }
    $script = "`"$(Join-Path $PSScriptRoot 'SignInBrowser.ps1')`" -Email `"$($Connection.ownerEmail)`" -Password `"$($Connection.ownerPassword)`" -ResultPath `"$result`""
    # The launcher the module starts with the URL as its one argument; it runs the browser script with this PowerShell.
    if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
        $launcher = Join-Path $Folder "$Name.cmd"
        Set-Content -Path $launcher -Value "@$($shell -join ' ') -NoProfile -NonInteractive -File $script -Url %1"
    }
    else {
        $launcher = Join-Path $Folder "$Name.sh"
        Set-Content -Path $launcher -Value "#!/bin/sh`nexec $($shell -join ' ') -NoProfile -NonInteractive -File $script -Url `"`$1`""
        chmod +x $launcher
    }
    $env:DIGITALCHANNELS_BROWSER = $launcher
    $result
}
