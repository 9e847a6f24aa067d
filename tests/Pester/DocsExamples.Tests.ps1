#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Every ```powershell block of docs/*.md and README.md, parsed by PowerShell itself against the BUILT module: it must
    parse, every command it calls must exist, and every parameter it gives a DigitalChannels cmdlet must be one of that
    cmdlet's parameters (or aliases, or a common parameter, spelled out, with a value unless it is a switch). A renamed or invented parameter
    in an example (Connect-DigitalChannels -Sandbox …) fails here, without a tenant.
#>

BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $files = @(Get-ChildItem -Path (Join-Path $root 'docs') -Filter '*.md') + @(Get-Item (Join-Path $root 'README.md'))
    $script:Blocks = foreach ($file in $files) {
        $text = Get-Content -Raw -Path $file.FullName
        $index = 0
        foreach ($match in [regex]::Matches($text, '(?ms)^```powershell\r?\n(?<code>.*?)^```')) {
            $index++
            $line = ($text.Substring(0, $match.Index) -split "`n").Count
            @{ File = $file.Name; Block = $index; Line = $line + 1; Code = $match.Groups['code'].Value }
        }
    }
}

Describe 'The PowerShell examples of the docs and the README' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $script:Module = Import-BuiltModule
        $script:OurNouns = '^\w+-(Wxcc|Connect|Engage|DigitalChannels|DecryptLogs)'

        # The problems of one block: parse errors, unknown commands, parameters a DigitalChannels cmdlet does not have.
        function Find-ExampleProblem([string] $Code) {
            $tokens = $null; $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $tokens, [ref] $errors)
            foreach ($e in $errors) { "does not parse: $($e.Message) (line $($e.Extent.StartLineNumber))" }
            $defined = @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true) | ForEach-Object Name)
            foreach ($call in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)) {
                $name = $call.GetCommandName()
                if (-not $name -or $name -notmatch '^\w+-\w+$' -or $defined -contains $name) { continue }
                $command = Get-Command -Name $name -ErrorAction Ignore
                # Other modules' commands (Get-AutomationPSCredential, Get-Secret) may be absent here; ours may not.
                if (-not $command) { if ($name -match $OurNouns) { "calls '$name', which does not exist" }; continue }
                if ($command.ModuleName -ne 'DigitalChannels') { continue }
                $elements = $call.CommandElements
                for ($i = 1; $i -lt $elements.Count; $i++) {
                    $parameter = $elements[$i]
                    if ($parameter -isnot [System.Management.Automation.Language.CommandParameterAst]) { continue }
                    $given = $parameter.ParameterName
                    $where = "(line $($parameter.Extent.StartLineNumber): $($call.Extent.Text.Split("`n")[0].Trim()))"
                    # Examples spell parameters out: a prefix that PowerShell would complete still reads as a different word.
                    $metadata = @($command.Parameters.Values | Where-Object { $_.Name -eq $given -or $_.Aliases -contains $given })
                    if ($metadata.Count -eq 0) { "$name has no parameter -$given $where"; continue }
                    $isSwitch = $metadata[0].SwitchParameter
                    $next = if ($i + 1 -lt $elements.Count) { $elements[$i + 1] } else { $null }
                    if (-not $isSwitch -and -not $parameter.Argument -and ($null -eq $next -or $next -is [System.Management.Automation.Language.CommandParameterAst])) {
                        "$name -$given needs a value $where"
                    }
                }
            }
        }
    }

    AfterAll {
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It '<File> block <Block> (line <Line>) calls only commands and parameters that exist' -ForEach $Blocks {
        $problems = @(Find-ExampleProblem $Code)
        $problems -join [Environment]::NewLine | Should -BeNullOrEmpty
    }

    It 'the guard catches an invented parameter and an invented command' {
        @(Find-ExampleProblem 'Connect-DigitalChannels -Sandbox -ClientId x') | Should -Be @(
            "Connect-DigitalChannels has no parameter -Sandbox (line 1: Connect-DigitalChannels -Sandbox -ClientId x)")
        @(Find-ExampleProblem 'Connect-DigitalChannels -SandboxUrl -ClientId x') | Should -Be @(
            "Connect-DigitalChannels -SandboxUrl needs a value (line 1: Connect-DigitalChannels -SandboxUrl -ClientId x)")
        @(Find-ExampleProblem 'Get-WxccQueue -Name x') | Should -Be @("calls 'Get-WxccQueue', which does not exist")
        @(Find-ExampleProblem 'Get-WxccTeam -Name Team1 | Set-WxccTeam -InService:$false -WhatIf') | Should -BeNullOrEmpty
    }
}
