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
    <# This PowerShell as a command line for a child process: powershell.exe, pwsh, or "dotnet pwsh.dll" when it runs as a dotnet tool. #>
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
