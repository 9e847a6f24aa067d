#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The BUILT module's manifest and help (powershell-practices 1.4, 1.16, 1.18). The help is part of the build:
    dotnet publish lays the MAML and the about topics made from docs/ into out/DigitalChannels/en-US.
#>

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
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

Describe 'DigitalChannels help' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-BuiltModule | Out-Null
        $script:HelpFolder = Join-Path (Split-Path $ModuleManifest) 'en-US'
        $script:HelpFile = Join-Path $HelpFolder 'DigitalChannels.PowerShell.dll-Help.xml'
        $script:DocsBase = (Import-PowerShellDataFile -Path $ModuleManifest).PrivateData.PSData.ProjectUri + '/blob/main/docs/'
        # -WhatIf and -Confirm are documented like any parameter; only the common parameters are left to about_CommonParameters.
        $script:CommonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters
        # Get-Help -Full once per cmdlet: three tests read it.
        $script:FullHelp = @{}
        foreach ($command in Get-Command -Module DigitalChannels) { $FullHelp[$command.Name] = Get-Help -Name $command.Name -Full }
    }

    AfterAll {
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'the built module has its MAML help and about topics in en-US' {
        $HelpFile | Should -Exist
        [xml] $maml = Get-Content -Raw -Path $HelpFile
        $maml.helpItems.NamespaceURI | Should -Be 'http://msh'
        @($maml.helpItems.command).Count | Should -Be @(Get-Command -Module DigitalChannels).Count
        foreach ($topic in 'about_DigitalChannels_Errors', 'about_DigitalChannels_Lab') {
            Join-Path $HelpFolder "$topic.help.txt" | Should -Exist
        }
    }

    It '<Name> has help with a synopsis, a description and at least one example' -ForEach $Cmdlets {
        $help = $FullHelp[$Name]
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -BeLike "$Name *" -Because 'a synopsis that is only the syntax means PowerShell found no MAML help'
        (@($help.Description | ForEach-Object { $_.Text }) -join ' ').Trim() | Should -Not -BeNullOrEmpty
        $examples = @($help.Examples.Example)
        $examples.Count | Should -BeGreaterThan 0
        @($examples | Where-Object { $_.Code -like "*$Name*" }).Count | Should -BeGreaterThan 0 -Because 'an example shows the cmdlet'
    }

    It '<Name> documents every parameter it has' -ForEach $Cmdlets {
        $command = Get-Command -Name $Name -Module DigitalChannels
        $expected = @($command.Parameters.Keys | Where-Object { $CommonParameters -notcontains $_ } | Sort-Object)
        $help = $FullHelp[$Name]
        $documented = @($help.Parameters.Parameter | ForEach-Object { $_.Name } | Sort-Object)
        $documented | Should -Be $expected
        # One assertion for all parameters: which lack a description, and which say Required wrongly.
        $problems = foreach ($parameter in $help.Parameters.Parameter) {
            if (-not (@($parameter.Description | ForEach-Object { $_.Text }) -join ' ').Trim()) { "-$($parameter.Name) has no description" }
            $mandatory = [bool] @($command.Parameters[$parameter.Name].Attributes | Where-Object { $_ -is [Parameter] -and $_.Mandatory }).Count
            if ($parameter.Required -ne $mandatory.ToString().ToLowerInvariant()) { "-$($parameter.Name) Required is $($parameter.Required), Mandatory is $mandatory" }
        }
        $problems | Should -BeNullOrEmpty
    }

    It '<Name> -Online goes to its HelpUri, the Online Version link of its MAML' -ForEach $Cmdlets {
        $command = Get-Command -Name $Name -Module DigitalChannels
        $command.HelpUri | Should -Be "$DocsBase$Name.md"
        # Get-Help -Online opens the first absolute related link, else HelpUri: both must be the page.
        $online = @($FullHelp[$Name].RelatedLinks.NavigationLink)[0]
        $online.LinkText | Should -Be 'Online Version:'
        $online.Uri | Should -Be $command.HelpUri
    }

    It 'Get-Help <Topic> shows the about topic' -ForEach @(
        @{ Topic = 'about_DigitalChannels_Errors'; Says = 'FullyQualifiedErrorId' }
        @{ Topic = 'about_DigitalChannels_Lab'; Says = 'Invoke-DigitalChannelsLab' }
    ) {
        $text = Get-Help -Name $Topic | Out-String
        $text | Should -Match "TOPIC\s+$Topic"
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'LONG DESCRIPTION'
        $text | Should -BeLike "*$Says*"
        $listed = Get-Help -Name 'about_DigitalChannels*' | Where-Object Name -EQ $Topic
        $listed.Synopsis | Should -Not -BeNullOrEmpty -Because 'Get-Help takes the synopsis from SHORT DESCRIPTION'
    }
}
