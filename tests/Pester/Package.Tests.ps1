#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    What the Gallery would serve works: the BUILT module published to a local PSResource repository, saved from there
    into an empty folder and imported by name in a fresh PowerShell that can find nothing else (Invoke-ModulePackageRoundTrip,
    which ./build.ps1 -Task Package runs too).
#>

Describe 'The module as the Gallery would serve it' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $script:Built = Split-Path $ModuleManifest
        $fixtures = Join-Path $RepositoryRoot '../shared/fixtures/workflows/v2.1'
        if (-not (Test-Path $fixtures)) { throw "The lab fixtures are absent: expected Cisco's flow exports in $fixtures (../shared beside the repository)." }
        $script:Seen = Invoke-ModulePackageRoundTrip -WorkFolder (Join-Path $TestDrive 'package') -FlowPath $fixtures
        $script:BuiltFiles = @(Get-ChildItem -Path $Built -Recurse -File | ForEach-Object { $_.FullName.Substring($Built.Length + 1).Replace('\', '/') })
    }

    It 'is imported by name from the folder it was installed into, at the built version' {
        $Seen.ModuleBase | Should -BeLike "$($Seen.InstallFolder)*"
        $Seen.Version | Should -Be (Test-ModuleManifest -Path $ModuleManifest).Version.ToString()
        Split-Path -Leaf $Seen.Package | Should -Be "DigitalChannels.$($Seen.Version).nupkg"
    }

    It 'carries every file of the built module: manifest, format file, DLLs, Dependencies, Labs, Verification and help when built' {
        $missing = @($BuiltFiles | Where-Object { $Seen.Files -notcontains $_ })
        $missing | Should -BeNullOrEmpty -Because 'the installed module should have every file of out/DigitalChannels'
        foreach ($file in 'DigitalChannels.psd1', 'DigitalChannels.format.ps1xml', 'DigitalChannels.PowerShell.dll', 'DigitalChannels.Client.dll',
            'Dependencies/Microsoft.Identity.Client.dll', 'Labs/Lab12.psd1', 'Verification/DigitalChannelsLab.Tests.ps1') {
            $Seen.Files | Should -Contain $file
        }
        if (@($BuiltFiles | Where-Object { $_ -like 'en-US/*' }).Count -gt 0) {
            $Seen.Files | Should -Contain 'en-US/DigitalChannels.PowerShell.dll-Help.xml'
        }
    }

    It 'exports exactly the cmdlets its manifest declares' {
        @($Seen.Exported).Count | Should -BeGreaterThan 0
        Compare-Object -ReferenceObject @($Seen.Declared) -DifferenceObject @($Seen.Exported) | Should -BeNullOrEmpty
    }

    It 'loads its format views' {
        $Seen.FormatViews | Should -Be 2
    }

    It 'finds its shipped lab definition in the installed folder' {
        $Seen.LabDefinition | Should -BeLike "$($Seen.ModuleBase)*"
        $Seen.LabDefinition | Should -BeLike '*Lab12.psd1'
    }

    It 'serves its help when the help was built (./build.ps1 -Task Docs)' {
        if (Test-Path (Join-Path $Built 'en-US/DigitalChannels.PowerShell.dll-Help.xml')) {
            $Seen.HelpSynopsis | Should -Not -BeNullOrEmpty
            $Seen.HelpSynopsis | Should -Not -BeLike 'Connect-DigitalChannels *' -Because 'a synopsis that is only the syntax means the MAML was not found'
        }
        else {
            $Seen.HelpSynopsis | Should -BeNullOrEmpty
            @($Seen.Files | Where-Object { $_ -like 'en-US/*' }) | Should -BeNullOrEmpty -Because 'nothing was built into en-US'
        }
    }
}
