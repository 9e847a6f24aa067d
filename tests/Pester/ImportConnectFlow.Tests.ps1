#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Import-ConnectFlow with the BUILT module against a real sandbox, with the shapes Cisco's releases come in: a bundle (every
    flow of a release in one zip, with __MACOSX and .DS_Store) and names in every style, all built at test time from the
    payloads of ../shared/fixtures/workflows/v2.1; wildcard -Path, -LiteralPath from the pipeline, and -WhatIf.
    The tests build on each other and run in order.
#>

Describe 'Import-ConnectFlow: bundles, names in every style, -Path and -LiteralPath' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $script:Fixtures = Join-Path $RepositoryRoot '../shared/fixtures/workflows/v2.1'
        if (-not (Test-Path $Fixtures)) { throw "The lab fixtures are absent: expected Cisco's flow exports in $Fixtures (../shared beside the repository)." }
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory
        Connect-DigitalChannels -ConnectionFile $DataDirectory -ErrorAction Stop
        Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem

        $script:Release = 'Email Inbound Flow', 'Facebook Inbound Flow', 'Live Chat Close Flow', 'Live Chat Inbound Flow', 'SMS Inbound Flow',
            'Task Close Flow', 'Task Modified Flow', 'Task Routed Flow', 'WAB Inbound Flow'

        function script:Get-Payload([string] $Fixture) { [System.IO.File]::ReadAllText((Join-Path $Fixtures "$Fixture.workflow")) }

        # A zip of entries (path inside => text), as Cisco's are made on a Mac.
        function script:New-FlowZip([string] $Path, [System.Collections.IDictionary] $Entries) {
            New-Item -ItemType Directory -Path (Split-Path $Path) -Force | Out-Null
            $archive = [System.IO.Compression.ZipFile]::Open($Path, [System.IO.Compression.ZipArchiveMode]::Create)
            try {
                foreach ($entry in $Entries.GetEnumerator()) {
                    $writer = New-Object System.IO.StreamWriter($archive.CreateEntry($entry.Key).Open(), [System.Text.Encoding]::ASCII)
                    try { $writer.Write($entry.Value) } finally { $writer.Dispose() }
                }
            } finally { $archive.Dispose() }
            Get-Item -LiteralPath $Path
        }

        $entries = [ordered]@{}
        foreach ($name in $Release) { $entries["Webex-Connect-Flows-v2.0/$name.workflow"] = Get-Payload $name }
        $entries['Webex-Connect-Flows-v2.0/.DS_Store'] = "`0`0`0$([char]1)Bud1"
        $entries['__MACOSX/Webex-Connect-Flows-v2.0/._Task Routed Flow.workflow'] = 'AppleDouble'
        $script:Bundle = (New-FlowZip (Join-Path $TestDrive 'downloads/Webex-Connect-Flows-v2.0.zip') $entries).FullName
        'Release', 'Second', 'Styles' | ForEach-Object { New-ConnectService -Name $_ | Out-Null }
    }

    AfterAll {
        if (Get-Command Disconnect-DigitalChannels -ErrorAction SilentlyContinue) {
            Disconnect-DigitalChannels -WarningAction SilentlyContinue
        }
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It '-WhatIf lists what each flow of a bundle would become and imports nothing' {
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript | Out-Null
        try { Import-ConnectFlow $Bundle -Service 'Release' -WhatIf } finally { Stop-Transcript | Out-Null }
        $lines = @(Get-Content $transcript | Where-Object { $_ -like 'What if:*' })
        $lines.Count | Should -Be 9
        $lines[7] | Should -BeLike "What if: Performing the operation `"Import Webex-Connect-Flows-v2.0.zip (Webex-Connect-Flows-v2.0/Task Routed Flow.workflow), * bytes, SHA-256 *, TaskRouted (from 'Task Routed Flow.workflow')`" on target `"Connect flow 'Task Routed Flow' in service 'Release'`"."
        $lines[8] | Should -BeLike "*WhatsApp (from 'WAB Inbound Flow.workflow')`" on target `"Connect flow 'WAB Inbound Flow' in service 'Release'`"."
        @(Get-ConnectFlow 'Release').Count | Should -Be 0
    }

    It 'a bundle imports one flow per file, named from its file, each with its kind' {
        $flows = @(Import-ConnectFlow $Bundle -Service 'Release')
        $flows.Name | Should -Be $Release
        $flows.Kind | Should -Be @('Email', 'FacebookMessenger', 'LiveChat', 'LiveChat', 'Sms', 'TaskClose', 'TaskModified', 'TaskRouted', 'WhatsApp')
        $flows | ForEach-Object { $_.ImportResult | Should -Be 'Created' }
    }

    It 'every .workflow and .zip of the fixtures still imports, each with the kind its name tells' {
        $all = @(Get-ChildItem -Path (Split-Path $Fixtures) -Recurse -File | Sort-Object FullName)  # v2.1 before v3.5, .workflow before its .zip
        $all.Count | Should -Be 23
        $flows = @($all | Import-ConnectFlow -Service 'Release' -ErrorVariable failed)
        @($failed).Count | Should -Be 0
        $flows.Count | Should -Be 23
        # The v2.1 payloads are the bundle's (Unchanged), but for Cisco's Email zip, a later export; the v3.5 Task flows are
        # new versions; the two v3.5 chat flows are new.
        ($flows | Group-Object ImportResult -NoElement | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ' ' |
            Should -Be 'Created=2 NewVersion=4 Unchanged=17'
        ($flows | Where-Object Name -like 'Livechat*').Kind | Should -Be @('LiveChat', 'LiveChat')
    }

    It '-SkipExistingChannelAgnostic skips the Task flows the tenant has, saying where they are' {
        $flows = @(Import-ConnectFlow $Bundle -Service 'Second' -SkipExistingChannelAgnostic -InformationVariable skipped -InformationAction SilentlyContinue)
        $flows.Count | Should -Be 6
        $flows | ForEach-Object { $_.Category | Should -Be 'Channel' }
        @($skipped).Count | Should -Be 3
        "$($skipped[2])" | Should -BeLike "Skipped * (TaskRouted): the tenant has the TaskRouted flow 'Task Routed Flow' in service 'Release' already."
    }

    It '-Path takes wildcards, relative to the current location' {
        $folder = Join-Path $TestDrive 'wild'
        New-Item -ItemType Directory -Path $folder | Out-Null
        Copy-Item (Join-Path $Fixtures 'SMS Inbound Flow.workflow.zip') (Join-Path $folder 'SMS Inbound Flow.workflow.zip')
        Copy-Item (Join-Path $Fixtures 'Email Inbound Flow.workflow') (Join-Path $folder 'SMS Backup Flow.workflow')
        Push-Location $folder
        try { $flows = @(Import-ConnectFlow './SMS*' -Service 'Styles') } finally { Pop-Location }
        ($flows.Name | Sort-Object) | Should -Be @('SMS Backup Flow', 'SMS Inbound Flow')
        $flows | ForEach-Object { $_.Kind | Should -Be 'Sms' }
    }

    It 'a pattern that matches nothing is an error naming the path' {
        $record = { Import-ConnectFlow (Join-Path $TestDrive 'wild/Nothing*.zip') -Service 'Styles' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectFlowFileNotFound,DigitalChannels.PowerShell.Cmdlets.ImportConnectFlowCommand' -PassThru
        $record.Exception.Message | Should -Be "No flow file matches '$(Join-Path $TestDrive 'wild/Nothing*.zip')'."
    }

    It '-LiteralPath takes brackets as they are, and Get-ChildItem pipes files in by PSPath' {
        $folder = Join-Path $TestDrive 'literal'
        New-Item -ItemType Directory -Path $folder | Out-Null
        $odd = Join-Path $folder 'Email [v2] Inbound Flow.workflow'
        [System.IO.File]::WriteAllText($odd, (Get-Payload 'Email Inbound Flow'))
        { Import-ConnectFlow -Path $odd -Service 'Styles' -ErrorAction Stop } | Should -Throw -ErrorId 'ConnectFlowFileNotFound,*'
        (Import-ConnectFlow -LiteralPath $odd -Service 'Styles').Name | Should -Be 'Email [v2] Inbound Flow'
        $again = Get-ChildItem -LiteralPath $folder | Import-ConnectFlow -Service 'Styles'
        $again.ImportResult | Should -Be 'Unchanged'
    }

    It 'camel-case, abbreviated, numbered-inside and new-channel names import with the right kind' {
        $styles = Join-Path $TestDrive 'styles'
        $files = @(
            New-FlowZip (Join-Path $styles 'SmsQABotInboundFlow.workflow.zip') @{ 'SmsQABotInboundFlow.workflow' = Get-Payload 'SMS Inbound Flow' }
            New-FlowZip (Join-Path $styles 'FBM_Inbound_Message_ANZ.zip') @{ 'FBM_Inbound_Message_ANZ.workflow' = Get-Payload 'Facebook Inbound Flow' }
            New-FlowZip (Join-Path $styles 'WhatsApp Inbound Flow.workflow.zip') @{ '1680000000.workflow' = Get-Payload 'WAB Inbound Flow' }
            New-FlowZip (Join-Path $styles 'Google Business Messages/Basic Inbound Flow.workflow.zip') @{ 'Basic Inbound Flow.workflow' = Get-Payload 'Live Chat Inbound Flow' }
        )
        $flows = @($files | Import-ConnectFlow -Service 'Styles')
        $flows.Name | Should -Be @('SmsQABotInboundFlow', 'FBM_Inbound_Message_ANZ', 'WhatsApp Inbound Flow', 'Basic Inbound Flow')
        $flows.Kind | Should -Be @('Sms', 'FacebookMessenger', 'WhatsApp', 'GoogleBusinessMessages')
    }

    It 'a file whose kind no name tells stops with the error that asks for -Kind' {
        # Inside a generated folder whose letters spell "fb" between digits, as TestDrive's own GUID sometimes does.
        $orders = Join-Path $TestDrive '10fb2a3c-0000-4000-8000-000000000000/orders/Orders.workflow'
        New-Item -ItemType Directory -Path (Split-Path $orders) -Force | Out-Null
        [System.IO.File]::WriteAllText($orders, (Get-Payload 'Email Inbound Flow'))
        $record = { Import-ConnectFlow $orders -Service 'Styles' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectFlowInvalidArgument,DigitalChannels.PowerShell.Cmdlets.ImportConnectFlowCommand' -PassThru
        $record.Exception.Message | Should -BeLike "The flow kind cannot be told from 'Orders.workflow' or 'orders': *Pass -Kind (one of *GoogleBusinessMessages*"
        (Import-ConnectFlow $orders -Service 'Styles' -Kind Email).Kind | Should -Be 'Email'
    }
}
