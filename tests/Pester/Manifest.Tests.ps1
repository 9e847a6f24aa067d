#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The BUILT module's manifest and help (powershell-practices 1.4, 1.18). Help tests need the MAML from
    ./build.ps1 -Task Docs; without it they are skipped, and say so.
#>

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:HelpFile = Join-Path (Split-Path $ModuleManifest) 'en-US/DigitalChannels.PowerShell.dll-Help.xml'
    $script:HelpIsBuilt = Test-Path $HelpFile
    # The cmdlet list for the data-driven help tests comes from the manifest, which another test holds equal to Get-Command.
    $script:Cmdlets = if (Test-Path $ModuleManifest) {
        @((Import-PowerShellDataFile -Path $ModuleManifest).CmdletsToExport | ForEach-Object { @{ Name = $_ } })
    } else { @() }
}

Describe 'DigitalChannels module manifest' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $script:Module = Import-BuiltModule
        $script:Data = Import-PowerShellDataFile -Path $ModuleManifest
    }

    AfterAll {
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'passes Test-ModuleManifest' {
        Test-ModuleManifest -Path $ModuleManifest -ErrorAction Stop | Should -Not -BeNullOrEmpty
    }

    It 'exports exactly the cmdlets the module has' {
        $exported = @($Data.CmdletsToExport | Sort-Object)
        $actual = @((Get-Command -Module DigitalChannels).Name | Sort-Object)
        $exported.Count | Should -BeGreaterThan 0
        Compare-Object -ReferenceObject $exported -DifferenceObject $actual | Should -BeNullOrEmpty
        @(Get-Command -Module DigitalChannels -CommandType Cmdlet).Count | Should -Be $exported.Count
    }

    It 'exports no functions, aliases or variables' {
        @($Data.FunctionsToExport).Count | Should -Be 0
        @($Data.AliasesToExport).Count | Should -Be 0
        @($Data.VariablesToExport).Count | Should -Be 0
    }

    It 'has the version of Directory.Build.props' {
        [xml] $props = Get-Content -Raw -Path (Join-Path $RepositoryRoot 'Directory.Build.props')
        $prefix = @($props.Project.PropertyGroup | ForEach-Object { $_.VersionPrefix } | Where-Object { $_ })[0]
        $Module.Version | Should -Be ([version] $prefix)
    }

    It 'runs on both editions from 5.1' {
        $Data.CompatiblePSEditions | Should -Contain 'Desktop'
        $Data.CompatiblePSEditions | Should -Contain 'Core'
        $Data.PowerShellVersion | Should -Be '5.1'
    }

    It 'ships its dependencies in Dependencies/ and never System.Management.Automation' {
        $moduleFolder = Split-Path $ModuleManifest
        foreach ($name in 'Microsoft.Identity.Client', 'Microsoft.IdentityModel.Abstractions', 'Newtonsoft.Json') {
            Join-Path $moduleFolder "Dependencies/$name.dll" | Should -Exist
        }
        @(Get-ChildItem -Path $moduleFolder -Recurse -Filter 'System.Management.Automation.dll').Count | Should -Be 0
    }

    It 'ships the lab definitions in Labs/ and the verification pack in Verification/' {
        $moduleFolder = Split-Path $ModuleManifest
        foreach ($file in 'Labs/Lab12.psd1', 'Labs/Lab12.json', 'Verification/DigitalChannelsLab.Tests.ps1', 'Verification/README.md') {
            Join-Path $moduleFolder $file | Should -Exist
        }
    }

    It 'every cmdlet declares SupportsShouldProcess when its verb changes state' {
        $stateChanging = 'New', 'Set', 'Remove', 'Add', 'Update', 'Enable', 'Disable', 'Start', 'Stop', 'Invoke'
        # New-DigitalChannelsLabPod only builds an object in memory (CmdletConventionTests.InMemoryNewCmdlets).
        Get-Command -Module DigitalChannels | Where-Object Verb -In $stateChanging | Where-Object Name -NE 'New-DigitalChannelsLabPod' | ForEach-Object {
            $_.Parameters.Keys | Should -Contain 'WhatIf' -Because "$($_.Name) changes state"
        }
    }

    It 'every cmdlet uses an approved verb' {
        $approved = (Get-Verb).Verb
        Get-Command -Module DigitalChannels | ForEach-Object { $approved | Should -Contain $_.Verb -Because $_.Name }
    }
}

Describe 'DigitalChannels help' -Skip:(-not $HelpIsBuilt) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-BuiltModule | Out-Null
    }

    AfterAll {
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It '<Name> has help with a synopsis and at least one example' -ForEach $Cmdlets {
        $help = Get-Help -Name $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -BeLike "$Name *" -Because 'a synopsis that is only the syntax means PowerShell found no MAML help'
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
    }
}
