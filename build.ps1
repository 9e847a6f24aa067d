<#
.SYNOPSIS
    Builds, tests, documents and packages the DigitalChannels PowerShell module.

.DESCRIPTION
    A plain script (no InvokeBuild) that runs on Windows PowerShell 5.1 and PowerShell 7.
    Tasks always run in this order, whatever order they are given in:

      Build    dotnet publish src/DigitalChannels.PowerShell (its MSBuild target lays out out/DigitalChannels/, the help
               in en-US/ included: src/DigitalChannels.HelpBuilder turns docs/ into MAML and about topics)
               and dotnet build src/DigitalChannels.Sandbox (the Pester tests start it).
      Docs     The help again from docs/ alone, compared with PlatyPS's MAML when Microsoft.PowerShell.PlatyPS is installed.
      Test     dotnet test DigitalChannels.sln, then Pester 5.7.1 (restored from NuGet by tests/Pester/Tools) against
               the built module (tests/Pester) in a child PowerShell; results in out/testResults.xml.
      Package  Test-ModuleManifest, then what the Gallery would serve: published to a temporary local PSResource repository,
               saved into an empty folder and imported by name in a fresh PowerShell (out/DigitalChannels.<version>.nupkg).

    Any native command that exits non-zero stops the script.

.EXAMPLE
    ./build.ps1

.EXAMPLE
    ./build.ps1 -Task Build,Docs,Test -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'All')]
    [string[]] $Task = 'Build',

    [string] $Configuration = 'Release'
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$RepositoryRoot = $PSScriptRoot
$ModuleName = 'DigitalChannels'
$OutFolder = Join-Path $RepositoryRoot 'out'
$ModuleFolder = Join-Path $OutFolder $ModuleName
$ManifestPath = Join-Path $ModuleFolder "$ModuleName.psd1"

# Pester and other child tools find the build's configuration here (the sandbox's bin/<Configuration> folder).
$env:DIGITALCHANNELS_CONFIGURATION = $Configuration

function Invoke-Native {
    <# Runs a native command and stops the build when it exits non-zero (Windows PowerShell 5.1 does not on its own). #>
    param([string] $FilePath, [string[]] $ArgumentList)
    Write-Host "> $FilePath $($ArgumentList -join ' ')" -ForegroundColor Cyan
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-LatestModule {
    param([string] $Name, [version] $MinimumVersion = '0.0')
    Get-Module -ListAvailable -Name $Name |
        Where-Object { $_.Version -ge $MinimumVersion } |
        Sort-Object Version -Descending |
        Select-Object -First 1
}

function Invoke-BuildTask {
    Invoke-Native 'dotnet' @('publish', (Join-Path $RepositoryRoot 'src/DigitalChannels.PowerShell'), '-c', $Configuration)
    Invoke-Native 'dotnet' @('build', (Join-Path $RepositoryRoot 'src/DigitalChannels.Sandbox'), '-c', $Configuration)
    if (-not (Test-Path $ManifestPath)) {
        throw "dotnet publish did not lay out the module: $ManifestPath is missing."
    }
    Get-ChildItem -Path $ModuleFolder -Recurse -File | ForEach-Object { $_.FullName.Substring($ModuleFolder.Length + 1) } | Write-Verbose
}

function Compare-MamlHelp {
    <# The differences between two MAML files, command by command: names, parameters, parameter sets and examples. #>
    param([string] $OursPath, [string] $TheirsPath)
    $read = {
        param($Path)
        $commands = @{}
        foreach ($command in ([xml] (Get-Content -Raw -Encoding UTF8 -Path $Path)).helpItems.command) {
            $commands[$command.details.name.Trim()] = [pscustomobject]@{
                Parameters  = (@($command.parameters.parameter | Where-Object { $_ } | ForEach-Object { $_.name.Trim() } | Sort-Object) -join ',')
                SyntaxItems = @($command.syntax.syntaxItem).Count
                Examples    = @($command.examples.example).Count
            }
        }
        $commands
    }
    $ours = & $read $OursPath
    $theirs = & $read $TheirsPath
    foreach ($name in @($ours.Keys) + @($theirs.Keys) | Sort-Object -Unique) {
        if (-not $ours.ContainsKey($name)) { "${name}: only PlatyPS has it"; continue }
        if (-not $theirs.ContainsKey($name)) { "${name}: PlatyPS does not have it"; continue }
        foreach ($property in 'Parameters', 'SyntaxItems', 'Examples') {
            if ($ours[$name].$property -ne $theirs[$name].$property) {
                "${name}: $property is '$($ours[$name].$property)' here and '$($theirs[$name].$property)' from PlatyPS"
            }
        }
    }
}

function Invoke-DocsTask {
    # Build already lays the help into out/DigitalChannels/en-US (src/DigitalChannels.HelpBuilder, run by dotnet publish).
    # Docs makes it again from docs/ alone, for a docs-only change, and, where Microsoft.PowerShell.PlatyPS 1.0 or later
    # is installed, compares it with the MAML that PlatyPS makes from the same pages.
    if (-not (Test-Path $ModuleFolder)) { throw "Build the module before its help: $ModuleFolder is missing." }
    $helpFolder = Join-Path $ModuleFolder 'en-US'
    Invoke-Native 'dotnet' @('run', '--project', (Join-Path $RepositoryRoot 'src/DigitalChannels.HelpBuilder'), '-c', $Configuration, '--',
        '--docs', (Join-Path $RepositoryRoot 'docs'), '--out', $helpFolder)
    $ours = Join-Path $helpFolder 'DigitalChannels.PowerShell.dll-Help.xml'

    $platyPS = Get-LatestModule -Name 'Microsoft.PowerShell.PlatyPS' -MinimumVersion '1.0.0'
    if (-not $platyPS) {
        Write-Host 'Help not compared with PlatyPS: Microsoft.PowerShell.PlatyPS 1.0 or later is not installed (optional; Install-Module Microsoft.PowerShell.PlatyPS -Scope CurrentUser).'
        return
    }
    Import-Module $platyPS -Force
    $staging = Join-Path ([System.IO.Path]::GetTempPath()) ("dc-maml-" + [guid]::NewGuid().ToString('N'))
    try {
        Measure-PlatyPSMarkdown -Path (Join-Path $RepositoryRoot 'docs/*.md') |
            Where-Object Filetype -match 'CommandHelp' |
            Import-MarkdownCommandHelp -Path { $_.FilePath } |
            Export-MamlCommandHelp -OutputFolder $staging -Force | Out-Null
        $theirs = @(Get-ChildItem -Path $staging -Recurse -Filter '*-Help.xml')
        if ($theirs.Count -ne 1) { throw "Expected one MAML file from Export-MamlCommandHelp, found $($theirs.Count) in $staging." }
        $differences = @(Compare-MamlHelp -OursPath $ours -TheirsPath $theirs[0].FullName)
        if ($differences.Count -gt 0) {
            throw "The help differs from PlatyPS $($platyPS.Version)'s:`n$($differences -join "`n")"
        }
        Write-Host "Help matches PlatyPS $($platyPS.Version)'s: the same cmdlets, parameters, parameter sets and examples."
    }
    finally {
        Remove-Item -Path $staging -Recurse -Force -ErrorAction SilentlyContinue
    }
}

function Get-PesterModulePath {
    <# Pester 5.7.1 from the NuGet package folder: tests/Pester/Tools restores it, so only the .NET SDK is needed. #>
    Invoke-Native 'dotnet' @('restore', (Join-Path $RepositoryRoot 'tests/Pester/Tools/PesterTools.csproj'), '--verbosity', 'quiet')
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else {
        # "global-packages: /root/.nuget/packages/"
        ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    }
    $manifest = Join-Path $packages 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $manifest)) { throw "Pester 5.7.1 was restored but $manifest is missing." }
    $manifest
}

function Invoke-TestTask {
    # Both suites always run; the task fails afterwards if either did, so one failure never hides the other.
    & dotnet test (Join-Path $RepositoryRoot 'DigitalChannels.sln') -c $Configuration
    $xunitExit = $LASTEXITCODE

    if (-not (Test-Path $ManifestPath)) { throw "The Pester tests import the built module: run the Build task first ($ManifestPath is missing)." }
    # A child pwsh: Pester and the module under test never share this script's session.
    $pester = Get-PesterModulePath
    $resultFile = Join-Path $OutFolder 'testResults.xml'
    $script = {
        param($PesterManifest, $Paths, $ResultFile)
        Import-Module $PesterManifest -Force
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $Paths
        $configuration.Run.PassThru = $true
        $configuration.Output.Verbosity = 'Detailed'
        $configuration.TestResult.Enabled = $true
        $configuration.TestResult.OutputFormat = 'NUnitXml'
        $configuration.TestResult.OutputPath = $ResultFile
        $result = Invoke-Pester -Configuration $configuration
        # Repeated at the end, so a log's tail names what failed and why.
        foreach ($test in @($result.Failed) + @($result.Skipped)) {
            $why = @($test.ErrorRecord | ForEach-Object { $_.Exception.Message }) -join ' '
            $why = ($why -replace '\s+', ' ').Trim()
            if ($why.Length -gt 600) { $why = $why.Substring(0, 600) + '...' }
            "Pester {0}: {1} :: {2}" -f $test.Result, $test.ExpandedPath, $why
        }
        # The one line .ci/run counts; skipped tests count as failed because nothing may be skipped.
        "Pester: {0} passed, {1} failed, {2} skipped, {3} not run" -f $result.PassedCount, $result.FailedCount, $result.SkippedCount, $result.NotRunCount
        if ($result.Result -ne 'Passed' -or $result.SkippedCount -gt 0) { exit 1 }
        exit 0
    }
    $paths = @((Join-Path $RepositoryRoot 'tests/Pester'))
    . (Join-Path $RepositoryRoot 'tests/Pester/TestHelpers.ps1') # Get-PowerShellCommand
    $shell = @(Get-PowerShellCommand)
    & $shell[0] @($shell | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script -args $pester, $paths, $resultFile
    $pesterExit = $LASTEXITCODE

    if ($xunitExit -ne 0 -or $pesterExit -ne 0) {
        throw "Tests failed: dotnet test exited with $xunitExit, Pester with $pesterExit."
    }
}

function Invoke-PackageTask {
    if (-not (Test-Path $ManifestPath)) { throw "Build the module before packaging it: $ManifestPath is missing." }
    $manifest = Test-ModuleManifest -Path $ManifestPath
    Write-Host "Test-ModuleManifest: $($manifest.Name) $($manifest.Version), $(@($manifest.ExportedCmdlets.Keys).Count) cmdlets"

    # What the Gallery would serve: published to a temporary local repository, saved into an empty folder and imported
    # by name in a fresh PowerShell (the same round trip as tests/Pester/Package.Tests.ps1).
    . (Join-Path $RepositoryRoot 'tests/Pester/TestHelpers.ps1')
    $work = Join-Path ([System.IO.Path]::GetTempPath()) ('dc-package-' + [guid]::NewGuid().ToString('N'))
    $fixtures = Join-Path $RepositoryRoot '../shared/fixtures/workflows/v2.1'
    try {
        $seen = Invoke-ModulePackageRoundTrip -WorkFolder $work -FlowPath $(if (Test-Path $fixtures) { $fixtures })
        $missing = @(Get-ChildItem -Path $ModuleFolder -Recurse -File |
            ForEach-Object { $_.FullName.Substring($ModuleFolder.Length + 1).Replace('\', '/') } | Where-Object { $seen.Files -notcontains $_ })
        $unexported = @(Compare-Object -ReferenceObject @($seen.Declared) -DifferenceObject @($seen.Exported))
        if ($missing.Count -gt 0) { throw "The installed package lacks: $($missing -join ', ')." }
        if ($unexported.Count -gt 0 -or @($seen.Exported).Count -eq 0) { throw "The installed package does not export exactly CmdletsToExport: $($unexported.InputObject -join ', ')." }
        if ($seen.FormatViews -lt 2) { throw 'The installed package did not load its format views.' }
        Copy-Item -Path $seen.Package -Destination $OutFolder -Force
        Write-Host "Package: $(Split-Path -Leaf $seen.Package) installs and imports by name ($(@($seen.Exported).Count) cmdlets, $(@($seen.Files).Count) files$(if ($seen.LabDefinition) { ', lab definition read' }))."
    }
    finally {
        Remove-Item -Path $work -Recurse -Force -ErrorAction SilentlyContinue
    }
}

$selected = if ($Task -contains 'All') { 'Build', 'Docs', 'Test', 'Package' } else { $Task }
foreach ($name in 'Build', 'Docs', 'Test', 'Package') {
    if ($selected -notcontains $name) { continue }
    Write-Host "=== $name ===" -ForegroundColor Green
    & "Invoke-$($name)Task"
}
