#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    What a new user sees, with the BUILT module against a real sandbox: the default views in a 120-column console
    (names, not ids; every column there), progress records (one tree, every activity Completed, the time remaining
    when the platform announced it), -Debug (each request and response, no secret), the confirmation of
    Remove-ConnectService (which flows go with it), and a docs example run as written. The tests run in order.
#>

Describe 'Output: views, progress, debug and confirmations' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $script:Fixtures = Join-Path $RepositoryRoot '../shared/fixtures/workflows/v2.1'
        if (-not (Test-Path $Fixtures)) { throw "The lab fixtures are absent: expected Cisco's flow exports in $Fixtures (../shared beside the repository)." }
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        # Make Live takes 15 s: long enough for Wait-ConnectFlow to report at least once, whatever the machine's load.
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory -ExtraArguments @('--flow-publish-seconds', '15')
        Connect-DigitalChannels -ConnectionFile $DataDirectory -ErrorAction Stop
        $script:Connection = Get-DigitalChannelsConnection
        $script:ClientSecret = (Get-Content -Raw (Join-Path $DataDirectory 'connection.json') | ConvertFrom-Json).clientSecret
        $script:Guid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'
        $script:Emails = 'cl1agent1@lab.example.com', 'cl1sup1@lab.example.com'

        # The lab's Contact Center objects and two configured users (lab 12.5 step 3).
        New-WxccMultimediaProfile -Name 'MMP' -BlendingMode Blended -Telephony 1 -Chat 3 -Email 3 -Social 3 | Out-Null
        New-WxccSite -Name 'Site' -MultimediaProfile 'MMP' | Out-Null
        'Team1', 'Team2' | ForEach-Object { New-WxccTeam -Name $_ -Site 'Site' -MultimediaProfile 'MMP' } | Out-Null
        $license = $Connection.People.FindLicenseByNameAsync('Contact Center Premium Agent', [Threading.CancellationToken]::None).GetAwaiter().GetResult()
        foreach ($email in $Emails) {
            $Connection.People.CreateAsync($email, $email.Split('@')[0], $null, $null, [string[]]@($license.Id), [Threading.CancellationToken]::None).GetAwaiter().GetResult() | Out-Null
        }
        Sync-WxccUser -Confirm:$false | Out-Null
        $Emails | Set-WxccUser -ContactCenterEnabled -UserProfile 'Premium Agent User Profile' -Site 'Site' -Team 'Team1', 'Team2' `
            -DesktopProfile 'Agent Profile' -MultimediaProfile 'MMP' -ErrorAction Stop

        # A service with a flow, for the flow view and the removal's confirmation.
        Add-ConnectNodeAuthorization 'Webex CC Engage' -Name 'WxCC Engage Authorisation' | Out-Null
        Add-ConnectNodeAuthorization 'Webex CC Task' -Name 'WxCC Authorisation' | Out-Null
        New-ConnectService -Name 'Output' | Out-Null
        Import-ConnectFlow (Join-Path $Fixtures 'Task Routed Flow.workflow') -Service 'Output' | Save-ConnectFlow | Out-Null

        # What Format-Table writes in a 120-column console, and the labels of the type's default table view.
        function Format-Console($InputObject) { $InputObject | Format-Table | Out-String -Width 120 }
        function Get-ViewLabel([string] $TypeName) {
            $view = (Get-FormatData -TypeName $TypeName).FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] } | Select-Object -First 1
            @($view.Control.Headers | ForEach-Object { $_.Label })
        }
        function Assert-Fits([string] $Text, [string] $TypeName) {
            $lines = @($Text -split '\r?\n' | Where-Object { $_.Trim() })
            foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual 120 -Because "'$line' is wider than 120 columns" }
            # Every column of the view is there: PowerShell drops the columns that do not fit.
            @($lines[0] -split '\s+' | Where-Object { $_ }) | Should -Be (Get-ViewLabel $TypeName)
        }

        # Runs a script in its own PowerShell, whose streams are collected: progress and debug records are objects there.
        function Invoke-Child([scriptblock] $Script, [object[]] $Arguments) {
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddScript($Script)
                foreach ($argument in $Arguments) { $null = $shell.AddArgument($argument) }
                $output = $shell.Invoke()
                [pscustomobject]@{
                    Output   = @($output)
                    Progress = @($shell.Streams.Progress)
                    Debug    = @($shell.Streams.Debug | ForEach-Object { $_.Message })
                    Errors   = @($shell.Streams.Error | ForEach-Object { $_.ToString() })
                }
            }
            finally {
                $shell.Dispose()
            }
        }

        # Every activity ends with exactly one Completed record, after all of its others.
        function Assert-EveryActivityCompleted($Records) {
            foreach ($activity in $Records | Group-Object ActivityId) {
                $completed = @($activity.Group | Where-Object { $_.RecordType -eq 'Completed' })
                $completed.Count | Should -Be 1 -Because "activity $($activity.Name) ($($activity.Group[0].Activity)) must be closed once"
                $activity.Group[-1].RecordType | Should -Be 'Completed'
            }
        }
    }

    AfterAll {
        if (Get-Command Disconnect-DigitalChannels -ErrorAction SilentlyContinue) {
            Disconnect-DigitalChannels -WarningAction SilentlyContinue
        }
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'Get-WxccTeam shows the site and multimedia profile by name, in 120 columns' {
        $text = Format-Console (Get-WxccTeam)
        Assert-Fits $text 'DigitalChannels.Client.ContactCenter.Team'
        $text | Should -Not -Match $Guid
        $text | Should -Match '(?m)^Team1\s+Site\s+MMP\s+AGENT\s+IN_SERVICE'
        $text | Should -Match '(?m)^Team2\s+Site\s+MMP\s+AGENT\s+IN_SERVICE'
    }

    It 'Get-WxccUser shows the site, the teams and the profiles by name, in 120 columns' {
        $text = Format-Console (Get-WxccUser '*@lab.example.com')
        Assert-Fits $text 'DigitalChannels.Client.ContactCenter.ContactCenterUser'
        $text | Should -Not -Match $Guid
        foreach ($email in $Emails) {
            $text | Should -Match ("(?m)^" + [regex]::Escape($email) + "\s+True\s+Site\s+Team1, Team2\s+Premium Agent\S*\s+Agent Profile\s+MMP")
        }
    }

    It 'Get-ConnectFlow shows the flow and its service by name, in 120 columns' {
        $text = Format-Console (Get-ConnectFlow 'Output')
        Assert-Fits $text 'DigitalChannels.Client.Connect.Flows.ConnectFlow'
        $text | Should -Not -Match $Guid
        $text | Should -Match '(?m)^Task Routed Flow\s+TaskRouted\s+WorkingDraft\s+1\s+Output'
    }

    It 'Get-WxccSite and Get-DigitalChannelsConnection fit 120 columns with every column' {
        $site = Format-Console (Get-WxccSite 'Site')
        Assert-Fits $site 'DigitalChannels.Client.ContactCenter.Site'
        $site | Should -Match '(?m)^Site\s+MMP\s+True\s'
        Assert-Fits (Format-Console $Connection) 'DigitalChannels.Client.DigitalChannelsConnection'
    }

    It 'Remove-ConnectService -WhatIf names the flows that would go with the service, and removes nothing' {
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript | Out-Null
        try { Remove-ConnectService 'Output' -WhatIf }
        finally { Stop-Transcript | Out-Null }
        $id = (Get-ConnectService 'Output').Id
        (Get-Content -Raw $transcript) | Should -Match ([regex]::Escape("What if: Performing the operation `"Remove`" on target `"Connect service 'Output' (id $id) and with it 1 flow ('Task Routed Flow') and 0 rules`""))
    }

    It '-Debug shows each request and response with status, time and tracking id, and no secret' {
        $DebugPreference = 'Continue'
        try { $records = @(Get-WxccSite 'Site' 5>&1) }
        finally { $DebugPreference = 'SilentlyContinue' }
        $debug = @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object { $_.Message })
        $org = [regex]::Escape($Connection.OrganizationId)
        $debug | Where-Object { $_ -match "^HTTP GET http://127\.0\.0\.1:\d+/organization/$org/v2/site\?\S+ \(attempt 1\)$" } | Should -Not -BeNullOrEmpty
        $debug | Where-Object { $_ -match "^HTTP 200 OK for GET http://127\.0\.0\.1:\d+/organization/$org/v2/site\?\S+ in \d+ ms; TrackingID ccconfig_$Guid" } | Should -Not -BeNullOrEmpty

        # The service secret's own request, with the -Debug switch: the body is shown, the secret is not.
        $records = @(Get-ConnectService 'Output' -IncludeSecret -Debug 5>&1)
        $service = $records | Where-Object { $_ -is [DigitalChannels.Client.Connect.ConnectService] }
        $service.ServiceSecret | Should -Not -BeNullOrEmpty
        $text = ($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object { $_.Message }) -join "`n"
        $text | Should -Match '/credentials in \d+ ms; TrackingID '
        $text | Should -Match '"serviceSecret":"\*\*\*"'
        $text | Should -Not -Match ([regex]::Escape($service.ServiceSecret))
        $text | Should -Not -Match ([regex]::Escape($ClientSecret))
        $text | Should -Not -Match '(?i)bearer\s+[a-z0-9]'

        # A cmdlet's own verbose lines, under -Debug alone: PowerShell would prompt at each one; they come as debug lines.
        $records = @(Set-ConnectService 'Output' -Description 'Views and debug output' -Debug -Confirm:$false 5>&1)
        @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like "Changed Connect service 'Output'*" }).Count | Should -Be 1
    }

    It 'Wait-ConnectFlow reports the time remaining until Live, and closes its progress bar once' {
        $run = Invoke-Child {
            param($Module, $Data, $Flow)
            Import-Module $Module -ErrorAction Stop
            Connect-DigitalChannels -ConnectionFile $Data -ErrorAction Stop
            New-ConnectService -Name 'Progress' | Out-Null
            Import-ConnectFlow $Flow -Service 'Progress' | Save-ConnectFlow -WarningAction SilentlyContinue |
                Publish-ConnectFlow -Comment 'progress' | Wait-ConnectFlow -TimeoutSeconds 120
        } @($ModuleManifest, $DataDirectory, (Join-Path $Fixtures 'Task Modified Flow.workflow'))
        $run.Errors | Should -BeNullOrEmpty
        $run.Output[-1].Status | Should -Be 'Live'
        $records = @($run.Progress | Where-Object { $_.Activity -like 'Waiting for Connect flow*' })
        $processing = @($records | Where-Object { $_.RecordType -eq 'Processing' })
        $processing.Count | Should -BeGreaterThan 0
        # Live at the time the platform announced: 15 s after Make Live at most, counted down.
        $processing[0].SecondsRemaining | Should -BeGreaterThan 0
        $processing | ForEach-Object { $_.SecondsRemaining | Should -BeLessOrEqual 15 }
        $records | ForEach-Object { $_.ParentActivityId | Should -Be -1 } # a top-level activity
        Assert-EveryActivityCompleted $records
    }

    It 'many pods are one progress tree: each pod beneath the run, every activity completed; debug output from worker threads reaches the host' {
        $run = Invoke-Child {
            param($Module, $Data)
            Import-Module $Module -ErrorAction Stop
            $connection = Connect-DigitalChannels -ConnectionFile $Data -ReturnConnection -ErrorAction Stop
            $pods = 'p1', 'p2' | ForEach-Object { New-DigitalChannelsLabPod -Id $_ -Connection $connection }
            $definition = @{
                SchemaVersion = 1
                Name          = 'Progress'
                ContactCenter = @{ MultimediaProfiles = @(@{ Name = 'Progress {Pod}'; BlendingMode = 'Blended'; Telephony = 1; Chat = 1; Email = 1; Social = 1 }) }
            }
            $DebugPreference = 'Continue'
            $pods | Invoke-DigitalChannelsLab -Definition $definition -ThrottleLimit 2 -Confirm:$false
        } @($ModuleManifest, $DataDirectory)
        $run.Errors | Should -BeNullOrEmpty
        $top = @($run.Progress | Where-Object { $_.ActivityId -eq 1 })
        $top[0].Activity | Should -Be "Lab 'Progress' on 2 pods"
        $top | ForEach-Object { $_.ParentActivityId | Should -Be -1 }
        $pods = @($run.Progress | Where-Object { $_.ParentActivityId -eq 1 })
        @($pods | Select-Object -ExpandProperty Activity -Unique | Sort-Object) | Should -Be @("Applying 'Progress' to pod p1", "Applying 'Progress' to pod p2")
        @($pods | Select-Object -ExpandProperty ActivityId -Unique).Count | Should -Be 2
        Assert-EveryActivityCompleted $run.Progress
        # The pods run on worker threads: their requests' debug lines still arrive (PowerShell refuses them from any other thread).
        @($run.Debug | Where-Object { $_ -match '^HTTP POST \S+/multimedia-profile \(attempt 1\)' }).Count | Should -Be 2
    }

    It 'the New-DigitalChannelsSandboxTenant example runs as written and connects to the new tenant' {
        $page = Get-Content -Raw (Join-Path $RepositoryRoot 'docs/New-DigitalChannelsSandboxTenant.md')
        $example = [regex]::Match($page, '(?ms)^```powershell\r?\n(?<code>.*?)^```').Groups['code'].Value
        $example | Should -Match 'Connect-DigitalChannels'
        Connect-DigitalChannels -ConnectionFile $DataDirectory -Scope 'sandbox:admin' -ErrorAction Stop # the sandbox operator
        . ([scriptblock]::Create($example))
        $tenant.OrganizationId | Should -Match $Guid
        (Get-DigitalChannelsConnection).OrganizationId | Should -Be $tenant.OrganizationId
    }
}
