#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Export-DigitalChannelsLab with the BUILT module against a real sandbox: a tenant with the shipped Lab 12 applied is
    exported as .psd1 (which Import-PowerShellDataFile and Get-DigitalChannelsLabDefinition read back, its flows found
    beside it) and as .json, with the pod id as {Pod} and no secret; -WhatIf writes nothing, an existing file needs
    -Force, and -Pod gives the same bytes as -PodId. The tests run in order.
#>

Describe 'Export-DigitalChannelsLab on a sandbox tenant with the lab applied' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $script:Fixtures = Join-Path $RepositoryRoot '../shared/fixtures/workflows/v2.1'
        if (-not (Test-Path $Fixtures)) { throw "The lab fixtures are absent: expected Cisco's flow exports in $Fixtures (../shared beside the repository)." }
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory -ExtraArguments '--provisioning-seconds', '1', '--flow-publish-seconds', '1'
        $operator = Connect-DigitalChannels -ConnectionFile $DataDirectory -Scope 'sandbox:admin' -ReturnConnection -ErrorAction Stop
        $file = Get-Content -Raw (Join-Path $DataDirectory 'connection.json') | ConvertFrom-Json
        # A pod id that occurs in no other value: every occurrence becomes {Pod}.
        $script:PodId = 'xpod7'
        $script:Tenant = New-DigitalChannelsSandboxTenant -Name "Pod $PodId" -AdministratorEmail "cl1admin$PodId@email.carehybrid.com" -Connection $operator -Confirm:$false -ErrorAction Stop
        $secret = ConvertTo-SecureString $Tenant.ClientSecret -AsPlainText -Force
        $script:Admin = Connect-DigitalChannels -SandboxUrl $file.baseUrl -ClientId $Tenant.ClientId -ClientSecret $secret `
            -Scope ([DigitalChannels.Client.Auth.Scopes]::All) -ReturnConnection -ErrorAction Stop
        $null = Invoke-DigitalChannelsLab -FlowPath $Fixtures -PodId $PodId -Connection $Admin -Confirm:$false -InformationAction SilentlyContinue -ErrorAction Stop
        $script:Folder = Join-Path $TestDrive 'export'
    }

    AfterAll {
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It '-WhatIf reads the tenant and writes nothing' {
        $out = @(Export-DigitalChannelsLab -Path (Join-Path $Folder 'lab.psd1') -PodId $PodId -Connection $Admin -WhatIf)
        $out.Count | Should -Be 0
        Test-Path $Folder | Should -BeFalse
    }

    It 'writes the definition and the flows beside it, with {Pod} and without secrets' {
        Push-Location $TestDrive
        try { $written = Export-DigitalChannelsLab -Path ./export/lab.psd1 -PodId $PodId -Connection $Admin -Confirm:$false -ErrorAction Stop }
        finally { Pop-Location }
        $written.Path | Should -Be (Join-Path $Folder 'lab.psd1')
        $written.Format | Should -Be 'psd1'
        $written.PodId | Should -Be $PodId
        @($written.FlowFiles).Count | Should -Be 3
        @(Get-ChildItem (Join-Path $Folder 'flows') | Sort-Object Name | ForEach-Object Name) |
            Should -Be @('Task Close Flow.workflow', 'Task Modified Flow.workflow', 'Task Routed Flow.workflow')
        (Get-Content -Raw (Join-Path $Folder 'flows/Task Routed Flow.workflow')).Trim() |
            Should -Be (Get-Content -Raw (Join-Path $Fixtures 'Task Routed Flow.workflow')).Trim()
        $text = Get-Content -Raw $written.Path
        $text | Should -Not -Match $PodId
        $text | Should -Not -Match ([regex]::Escape($Tenant.ClientSecret))
        $text | Should -Not -Match 'secret|password'
    }

    It 'Import-PowerShellDataFile reads the .psd1, and so does Get-DigitalChannelsLabDefinition, finding the flows beside it' {
        $data = Import-PowerShellDataFile (Join-Path $Folder 'lab.psd1')
        $data.Provisioning.Owner | Should -Be 'cl1admin{Pod}@email.carehybrid.com'
        $data.ContactCenter.RonaTimeouts.Chat | Should -Be 60
        @($data.Connect.Services | Where-Object Name -eq 'Agnostic Flows DO NOT MODIFY').Locked | Should -BeTrue
        @($data.ContactCenter.Teams.Name) | Should -Contain 'Team2'

        # Read from elsewhere: the relative flow paths resolve from the definition's own folder.
        Push-Location ([System.IO.Path]::GetTempPath())
        try { $definition = Get-DigitalChannelsLabDefinition -Path (Join-Path $Folder 'lab.psd1') -ErrorAction Stop }
        finally { Pop-Location }
        $flow = $definition.Connect.Services.Flows | Where-Object Name -eq 'Task Close Flow'
        $flow.FilePath | Should -Be (Join-Path $Folder 'flows/Task Close Flow.workflow')
    }

    It 'every check passes on the tenant against its own export' {
        $failed = @(Test-DigitalChannelsLab -Definition (Join-Path $Folder 'lab.psd1') -PodId $PodId -Connection $Admin | Where-Object { -not $_.Passed })
        $failed | ForEach-Object { "$($_.Target): expected $($_.Expectation), found $($_.Actual)" } | Should -BeNullOrEmpty
    }

    It 'an existing file is refused without -Force, naming it, and replaced with -Force' {
        $path = Join-Path $Folder 'lab.psd1'
        $exported = (Get-FileHash $path).Hash
        Add-Content -Path $path -Value '# edited by hand'
        $refused = $null
        try { Export-DigitalChannelsLab -Path $path -PodId $PodId -Connection $Admin -Confirm:$false -ErrorAction Stop }
        catch { $refused = $_ }
        $refused | Should -Not -BeNullOrEmpty
        $refused.FullyQualifiedErrorId | Should -BeLike 'DigitalChannelsLab*,DigitalChannels.PowerShell.Cmdlets.ExportDigitalChannelsLabCommand'
        $refused.Exception.Message | Should -BeLike "*$path*already exists*-Force*"
        (Get-FileHash $path).Hash | Should -Not -Be $exported
        Export-DigitalChannelsLab -Path $path -PodId $PodId -Connection $Admin -Force -Confirm:$false -ErrorAction Stop | Out-Null
        (Get-FileHash $path).Hash | Should -Be $exported
    }

    It 'writes JSON by the extension, and -Pod gives the same bytes as -PodId' {
        $json = Join-Path $Folder 'lab.json'
        Export-DigitalChannelsLab -Path $json -PodId $PodId -Connection $Admin -Confirm:$false -ErrorAction Stop | Out-Null
        $viaPod = Join-Path $TestDrive 'via-pod/lab.json'
        New-DigitalChannelsLabPod -Id $PodId -Connection $Admin | Export-DigitalChannelsLab -Path $viaPod -Confirm:$false -ErrorAction Stop | Out-Null
        (Get-FileHash $viaPod).Hash | Should -Be (Get-FileHash $json).Hash
        (Get-Content -Raw $json | ConvertFrom-Json).Provisioning.Owner | Should -Be 'cl1admin{Pod}@email.carehybrid.com'
    }

    It 'refuses an extension that is neither .psd1 nor .json before reading the tenant' {
        { Export-DigitalChannelsLab -Path (Join-Path $Folder 'lab.txt') -Connection $Admin -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*.psd1 or .json*'.txt'*"
    }
}
