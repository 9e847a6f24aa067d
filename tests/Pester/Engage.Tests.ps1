#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The Engage cmdlets of lab 12.3 end to end: the BUILT module (out/DigitalChannels, from ./build.ps1 -Task Build)
    against a real sandbox process on loopback. The tests build on each other and run in order.
#>

Describe 'Engage settings against the sandbox (lab 12.3)' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-BuiltModule | Out-Null
        Add-Type -AssemblyName System.IO.Compression
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory
        # sandbox:admin as well, to record a conversation through the client library (there is no cmdlet for that).
        Connect-DigitalChannels -ConnectionFile $DataDirectory -Scope @(
            'connect:config_read', 'connect:config_write', 'engage:config_read', 'engage:config_write', 'sandbox:admin') -ErrorAction Stop

        function New-Docx([string] $Path, [switch] $WithImage) {
            $stream = [System.IO.File]::Create($Path)
            $zip = New-Object System.IO.Compression.ZipArchive($stream, [System.IO.Compression.ZipArchiveMode]::Create)
            $entries = @{ '[Content_Types].xml' = '<Types/>'; 'word/document.xml' = '<w:document>Quote</w:document>' }
            foreach ($name in $entries.Keys) {
                $writer = New-Object System.IO.StreamWriter($zip.CreateEntry($name).Open())
                $writer.Write($entries[$name]); $writer.Dispose()
            }
            if ($WithImage) {
                $png = [byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13)
                $image = $zip.CreateEntry('word/media/image1.png').Open(); $image.Write($png, 0, $png.Length); $image.Dispose()
            }
            $zip.Dispose(); $stream.Dispose()
        }
    }

    AfterAll {
        if (Get-Command Disconnect-DigitalChannels -ErrorAction SilentlyContinue) {
            Disconnect-DigitalChannels -WarningAction SilentlyContinue
        }
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'Set-EngageAttachmentSetting changes a channel and Get-EngageAttachmentSetting shows it' {
        Set-EngageAttachmentSetting -Channel chat -MaxFileSizeMB 5 -MaxFiles 3 -AllowedExtension pdf, txt, docx
        $chat = Get-EngageAttachmentSetting -Channel chat
        $chat.MaxFileSizeMB | Should -Be 5
        $chat.MaxFiles | Should -Be 3
        $chat.AllowedExtensions | Should -Be @('pdf', 'txt', 'docx')
    }

    It 'an image format cannot be allowed (PCI) and the error names it' {
        { Set-EngageAttachmentSetting -Channel chat -AddExtension png -ErrorAction Stop } |
            Should -Throw -ErrorId 'EngageAttachmentSettingInvalidValue,DigitalChannels.PowerShell.Cmdlets.SetEngageAttachmentSettingCommand'
        (Get-EngageAttachmentSetting -Channel chat).AllowedExtensions | Should -Not -Contain 'png'
    }

    It 'Test-EngageAttachment accepts a text-only document and refuses one with an image' {
        New-Docx -Path (Join-Path $TestDrive 'plain.docx')
        New-Docx -Path (Join-Path $TestDrive 'picture.docx') -WithImage
        $results = Test-EngageAttachment -Path (Join-Path $TestDrive 'plain.docx'), (Join-Path $TestDrive 'picture.docx') -Channel chat
        $results[0].Accepted | Should -BeTrue
        $results[0].CheckedBy | Should -Be 'Tenant'
        $results[1].Accepted | Should -BeFalse
        $results[1].Reason | Should -Be 'ContainsImages'
        $results[1].Message | Should -BeLike '*word/media/image1.png*'
    }

    It 'Test-EngageAttachment -Offline needs no connection' {
        $connection = Get-DigitalChannelsConnection
        Disconnect-DigitalChannels
        try {
            (Test-EngageAttachment (Join-Path $TestDrive 'picture.docx') -Offline).Reason | Should -Be 'ContainsImages'
        }
        finally {
            Connect-DigitalChannels -ConnectionFile $DataDirectory -Scope @(
                'connect:config_read', 'connect:config_write', 'engage:config_read', 'engage:config_write', 'sandbox:admin')
        }
    }

    It 'Set-EngageAttachmentSetting -Enabled:$false refuses every file, -Enabled allows them again' {
        Set-Content -Path (Join-Path $TestDrive 'note.txt') -Value 'hello'
        Set-EngageAttachmentSetting -Enabled:$false
        (Test-EngageAttachment (Join-Path $TestDrive 'note.txt') -Channel email).Reason | Should -Be 'AttachmentsDisabled'
        Set-EngageAttachmentSetting -Enabled
        (Test-EngageAttachment (Join-Path $TestDrive 'note.txt') -Channel email).Accepted | Should -BeTrue
    }

    It 'templates made in Admin are seen from Customer Care' {
        New-EngageTemplate -Name 'Greeting' -Channel chat, email -Text 'Hello, how can I help?' | Out-Null
        (Get-EngageTemplate -CustomerCare -Channel email).Name | Should -Contain 'Greeting'
        @(Get-EngageTemplate -CustomerCare -Channel sms).Count | Should -Be 0
        { New-EngageTemplate -Name 'greeting' -Channel chat -Text 'x' -ErrorAction Stop } |
            Should -Throw -ErrorId 'EngageTemplateAlreadyExists,DigitalChannels.PowerShell.Cmdlets.NewEngageTemplateCommand'
        Set-EngageTemplate 'Greeting' -Text 'Hi!' -PassThru | Select-Object -ExpandProperty Text | Should -Be 'Hi!'
        Remove-EngageTemplate 'Greeting' -WhatIf
        Get-EngageTemplate 'Greeting' | Should -Not -BeNullOrEmpty
        Get-EngageTemplate 'Greeting' | Remove-EngageTemplate -Confirm:$false
        { Get-EngageTemplate 'Greeting' -ErrorAction Stop } |
            Should -Throw -ErrorId 'EngageTemplateNotFound,DigitalChannels.PowerShell.Cmdlets.GetEngageTemplateCommand'
    }

    It 'the blocklist adds, refuses duplicates and blanks, and removes' {
        Add-EngageBlockedWord scam, fraud
        (Get-EngageBlockedWord).Word | Should -Be @('fraud', 'scam')
        { Add-EngageBlockedWord 'SCAM' -ErrorAction Stop } |
            Should -Throw -ErrorId 'EngageBlockedWordAlreadyExists,DigitalChannels.PowerShell.Cmdlets.AddEngageBlockedWordCommand'
        { Add-EngageBlockedWord '  ' -ErrorAction Stop } |
            Should -Throw -ErrorId 'EngageBlockedWordInvalidArgument,DigitalChannels.PowerShell.Cmdlets.AddEngageBlockedWordCommand'
        Get-EngageBlockedWord | Remove-EngageBlockedWord -Confirm:$false
        @(Get-EngageBlockedWord).Count | Should -Be 0
    }

    It 'working hours are named, validated and can be changed' {
        $hours = New-EngageWorkingHours -Name 'Office hours' -TimeZone 'Europe/Rome' -WeeklyHours 'Mon-Fri 09:00-17:00' -Holiday '2026-12-25 Christmas Day'
        $hours.WeeklyHours.Count | Should -Be 5
        { Set-EngageWorkingHours 'Office hours' -TimeZone 'Mars/Olympus' -ErrorAction Stop } |
            Should -Throw -ErrorId 'EngageWorkingHoursInvalidValue,DigitalChannels.PowerShell.Cmdlets.SetEngageWorkingHoursCommand'
        (Set-EngageWorkingHours 'Office hours' -TimeZone 'UTC' -WeeklyHours 'Mon-Sun 00:00-24:00' -Holiday @() -PassThru).OpenNow | Should -BeTrue
        Remove-EngageWorkingHours 'Office hours' -Confirm:$false
        @(Get-EngageWorkingHours).Count | Should -Be 0
    }

    It 'Get-EngageTranscript finds a conversation by ID and downloads it, never over a file without -Force' {
        $conversation = New-Object DigitalChannels.Client.Engage.Transcripts.SandboxConversation
        $conversation.ConversationId = 'conv-pester-1'
        $conversation.Channel = 'chat'
        $message = New-Object DigitalChannels.Client.Engage.Transcripts.EngageTranscriptMessage
        $message.Sender = 'Customer'; $message.Text = 'Hello'
        $conversation.Messages.Add($message)
        (Get-DigitalChannelsConnection).Engage.Transcripts.RecordSandboxConversationAsync($conversation, [Threading.CancellationToken]::None).GetAwaiter().GetResult() | Out-Null

        (Get-EngageTranscript 'conv-pester-1').Messages[0].Text | Should -Be 'Hello'
        $file = Join-Path $TestDrive 'transcript.txt'
        Get-EngageTranscript 'conv-pester-1' -OutFile $file | Out-Null
        Get-Content $file -Raw | Should -BeLike '*Customer: Hello*'
        { Get-EngageTranscript 'conv-pester-1' -OutFile $file -ErrorAction Stop } |
            Should -Throw -ErrorId 'EngageTranscriptInvalidArgument,DigitalChannels.PowerShell.Cmdlets.GetEngageTranscriptCommand'
        Get-EngageTranscript 'conv-pester-1' -OutFile $file -Format Json -Force | Out-Null
        (Get-Content $file -Raw | ConvertFrom-Json).conversationId | Should -Be 'conv-pester-1'
    }

    It 'an unknown conversation ID fails with EngageTranscriptNotFound' {
        { Get-EngageTranscript 'no-such-conversation' -ErrorAction Stop } |
            Should -Throw -ErrorId 'EngageTranscriptNotFound,DigitalChannels.PowerShell.Cmdlets.GetEngageTranscriptCommand'
    }
}
