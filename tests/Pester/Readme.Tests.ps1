#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The README's PowerShell quick start ("## The PowerShell way"), run as written in a fresh PowerShell process against
    a sandbox: every powershell block of the section, line by line, from a folder laid out as the README assumes
    (./out from the build, ./workflows with Cisco's exports, a Word file with a picture). Only what cannot run here is
    left out, and said: ./build.ps1 (this test is part of it), `dotnet run` of the sandbox (the test starts one) and
    the live-tenant sign-in (-Region). What the README leaves to the reader is given: $conversationId, and Pester
    imported as an installed module would be.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Fixtures = Join-Path $RepositoryRoot '../shared/fixtures/workflows'
    if (-not (Test-Path $Fixtures)) { throw "The lab fixtures are absent: expected Cisco's flow exports in $Fixtures (../shared beside the repository)." }

    $readme = Get-Content -Raw -Path (Join-Path $RepositoryRoot 'README.md')
    $section = [regex]::Match($readme, '(?ms)^## The PowerShell way\s*$(.*?)(?=^## )').Groups[1].Value
    $blocks = [regex]::Matches($section, '(?ms)^```powershell\s*$(.*?)^```') | ForEach-Object { $_.Groups[1].Value }
    $script:Skipped = [System.Collections.Generic.List[string]]::new()
    $lines = foreach ($line in ($blocks -join "`n") -split "`n") {
        if ($line -match '^\s*(\./build\.ps1|dotnet run)' -or $line -match '-Region\b') { $Skipped.Add($line.Trim()); continue }
        $line
    }
    $script:QuickStart = ($lines -join "`n").Trim()

    $script:DataDirectory = Join-Path $TestDrive 'sandbox'
    $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory -ExtraArguments '--flow-publish-seconds', '1', '--provisioning-seconds', '1'

    # The folder a user works in: the built module under ./out, the flows under ./workflows, a document with a picture.
    $script:WorkFolder = Join-Path $TestDrive 'work'
    New-Item -ItemType Directory -Path $WorkFolder | Out-Null
    New-DirectoryLink -Path (Join-Path $WorkFolder 'out') -Target (Join-Path $RepositoryRoot 'out')
    New-DirectoryLink -Path (Join-Path $WorkFolder 'workflows') -Target (Resolve-Path $Fixtures).Path
    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    $docx = [System.IO.Compression.ZipFile]::Open((Join-Path $WorkFolder 'Quote.docx'), 'Create')
    foreach ($entry in @{ 'word/document.xml' = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'; 'word/media/image1.png' = ([string][char]0x89 + 'PNG') }.GetEnumerator()) {
        $writer = [System.IO.StreamWriter]::new($docx.CreateEntry($entry.Key).Open())
        $writer.Write($entry.Value); $writer.Dispose()
    }
    $docx.Dispose()

    # Pester where an installed module would be (a folder named Pester on PSModulePath), for the verification pack's #Requires.
    $script:ModulesFolder = Join-Path $TestDrive 'modules'
    New-Item -ItemType Directory -Path $ModulesFolder | Out-Null
    New-DirectoryLink -Path (Join-Path $ModulesFolder 'Pester') -Target (Get-Module Pester).ModuleBase

    # A conversation for Get-EngageTranscript, as a customer would have had it (the sandbox's recording route).
    Import-BuiltModule | Out-Null
    $file = Get-Content -Raw (Join-Path $DataDirectory 'connection.json') | ConvertFrom-Json
    $tokenResponse = Invoke-RestMethod -Method Post -Uri "$($file.baseUrl.TrimEnd('/'))/v1/access_token" -Body @{
        grant_type = 'client_credentials'; client_id = $file.clientId; client_secret = $file.clientSecret; scope = 'sandbox:admin engage:config_read'
    }
    $script:ConversationId = 'readme-quick-start'
    Invoke-RestMethod -Method Post -Uri "$($file.baseUrl.TrimEnd('/'))/sandbox/v1/organization/$($file.orgId)/engage/conversations" `
        -Headers @{ Authorization = "Bearer $($tokenResponse.access_token)" } -ContentType 'application/json' `
        -Body (@{ conversationId = $ConversationId; channel = 'chat'; messages = @(@{ sender = 'Customer'; text = 'Hello' }, @{ sender = 'Agent'; text = 'Hi, how can I help?' }) } | ConvertTo-Json -Depth 4) | Out-Null
    Remove-Module DigitalChannels -Force
}

AfterAll {
    Stop-Sandbox -Process $Sandbox
}

Describe 'The README quick start' {
    It 'has the commands a new user types, and leaves out only what cannot run here' {
        $QuickStart | Should -Match 'Import-Module ./out/DigitalChannels/DigitalChannels.psd1'
        $QuickStart | Should -Match 'Connect-DigitalChannels'
        @($Skipped | Where-Object { $_ -notmatch '^(\./build\.ps1|dotnet run)|-Region\b' }).Count | Should -Be 0
    }

    It 'runs as written in a fresh PowerShell against the sandbox, with no error' {
        $script = @"
`$ErrorActionPreference = 'Continue'
`$ProgressPreference = 'SilentlyContinue'
`$env:DIGITALCHANNELS_SANDBOX_DATA = '$($DataDirectory -replace "'", "''")'
Set-Location -LiteralPath '$($WorkFolder -replace "'", "''")'
`$conversationId = '$ConversationId'
if (`$PSVersionTable.PSVersion.Major -ge 7) { `$PSStyle.OutputRendering = 'PlainText' }
`$env:PSModulePath = '$($ModulesFolder -replace "'", "''")' + [System.IO.Path]::PathSeparator + `$env:PSModulePath    # Pester, installed
$QuickStart
'--- errors ---'
`$Error | ForEach-Object { "ERROR: `$(`$_.FullyQualifiedErrorId): `$_" }
"@
        $scriptFile = Join-Path $TestDrive 'quickstart.ps1'
        Set-Content -Path $scriptFile -Value $script -Encoding utf8
        $shell = @(Get-PowerShellCommand)
        $output = & $shell[0] @($shell | Select-Object -Skip 1) -NoProfile -NonInteractive -File $scriptFile *>&1 | Out-String -Width 200
        Set-Content -Path (Join-Path $TestDrive 'quickstart.out.txt') -Value $output
        $errors = @($output -split "`n" | Where-Object { $_ -like 'ERROR: *' })
        $errors | Should -BeNullOrEmpty -Because "every README line should run; the output was:`n$output"
        $LASTEXITCODE | Should -Be 0
        Test-Path (Join-Path $WorkFolder 'transcript.txt') | Should -BeTrue
        # What the walk shows a user: the picture refused, the flows Live, the lab's pack passing on the pod.
        $output | Should -Match 'ContainsImages'
        $output | Should -Match 'Tests Passed: [1-9]\d*, Failed: 0'
        Import-BuiltModule | Out-Null
        try {
            Connect-DigitalChannels -ConnectionFile $DataDirectory
            @(Get-ConnectFlow -Service 'Agnostic Flows DO NOT MODIFY' | Where-Object Status -eq 'Live').Count | Should -Be 3
            (Get-ConnectService 'Lab B').Name | Should -Be 'Lab B' -Because '-WhatIf removed nothing'
            (Get-ConnectTeammate 'admin2@example.com').DecryptLogs | Should -BeTrue
            (Get-WxccRonaTimeout).Chat | Should -Be 60
        }
        finally { Remove-Module DigitalChannels -Force }
    }
}
