#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Tools > Export Logs and App Tray > Event Scheduler with the BUILT module against a real sandbox whose export jobs take
    60 seconds of sandbox time; the tests move the sandbox clock instead of waiting. Traffic comes from
    Send-DigitalChannelsSandboxMessage (custom events on a service with a Live custom-event flow). The tests build on each
    other and run in order.
#>

Describe 'Connect Export Logs and Event Scheduler' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $script:Fixtures = Join-Path $RepositoryRoot '../shared/fixtures/workflows'
        if (-not (Test-Path $Fixtures)) { throw "The lab fixtures are absent: expected Cisco's flow exports in $Fixtures (../shared beside the repository)." }
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory -ExtraArguments @('--flow-publish-seconds', '0', '--log-export-seconds', '60')
        # The traffic simulator is the sandbox operator's tool: the connection asks for sandbox:admin too.
        Connect-DigitalChannels -ConnectionFile $DataDirectory -Scope ([DigitalChannels.Client.Auth.Scopes]::All) -ErrorAction Stop

        New-ConnectService -Name 'Campaigns' | Out-Null
        # Any export's payload will do: -Kind says it starts on a custom event.
        $script:Campaign = Import-ConnectFlow (Join-Path $Fixtures 'v2.1/Live Chat Inbound Flow.workflow') -Service 'Campaigns' -Name 'Campaign' -Kind CustomEvent |
            Save-ConnectFlow | Publish-ConnectFlow | Wait-ConnectFlow -TimeoutSeconds 60
        New-ConnectFlow -Service 'Campaigns' -Name 'Chat' -Kind LiveChat | Out-Null
        $script:From = (Get-Date).AddHours(-1)
        $script:To = (Get-Date).AddHours(3)
        $script:Saved = Join-Path $TestDrive 'logs'
        New-Item -ItemType Directory -Path $Saved | Out-Null
    }

    AfterAll {
        if (Get-Command Disconnect-DigitalChannels -ErrorAction SilentlyContinue) {
            Disconnect-DigitalChannels -WarningAction SilentlyContinue
        }
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'Start-ConnectLogExport -WhatIf starts no export' {
        Start-ConnectLogExport 'Campaigns' -Direction Inbound -WhatIf | Should -BeNullOrEmpty
        Get-ConnectLogExport | Should -BeNullOrEmpty
    }

    It 'an inbound export is In progress until the sandbox clock passes its time; the file is refused until then' {
        $script:Sent = 'First offer', 'Second offer' | ForEach-Object { Send-DigitalChannelsSandboxMessage -Event CustomEvent -Service 'Campaigns' -Text $_ }
        $Sent.Outcome | Should -Be @('Delivered', 'Delivered')
        $script:Job = Start-ConnectLogExport 'Campaigns' -Direction Inbound -From $From -To $To
        $Job | Should -BeOfType ([DigitalChannels.Client.Connect.Logs.ConnectLogExport])
        ($Job.StatusText, $Job.ServiceName, $Job.RecordCount) | Should -Be @('In progress', 'Campaigns', $null)
        ($Job.ReadyTime - $Job.RequestedTime).TotalSeconds | Should -Be 60
        { $Job | Save-ConnectLogExport -OutFile $Saved -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectLogExportNotReady,DigitalChannels.PowerShell.Cmdlets.SaveConnectLogExportCommand'
        Get-ConnectLogExport | Out-String -Width 120 | Should -Match 'Service\s+Direction\s+Channel\s+From \(UTC\)\s+To \(UTC\)\s+Status\s+Records'
    }

    It 'Wait-ConnectLogExport gives up after -TimeoutSeconds with ConnectLogExportTimeout while the job is In progress' {
        $Job | Wait-ConnectLogExport -TimeoutSeconds 1 -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ConnectLogExportTimeout,*'
        "$($failed[0])" | Should -BeLike "Log export $($Job.Id) was still In progress after 1 s*"
    }

    It 'once the clock has passed, Wait-ConnectLogExport writes it Ready and Save-ConnectLogExport downloads the CSV with the transactions' {
        Move-SandboxClock -DataDirectory $DataDirectory -Seconds 60
        $script:Ready = $Job | Wait-ConnectLogExport -TimeoutSeconds 30
        ($Ready.StatusText, $Ready.RecordCount) | Should -Be @('Ready for download', 2)
        $file = $Ready | Save-ConnectLogExport -OutFile $Saved
        $file | Should -BeOfType ([DigitalChannels.Client.Connect.Logs.ConnectLogExportFile])
        $file.Path | Should -Be (Join-Path $Saved $Ready.FileName)
        $rows = @(Import-Csv -Path $file.Path)
        $rows.'Transaction ID' | Should -Be $Sent.TransactionId
        $rows.Outcome | Should -Be @('Delivered', 'Delivered')
        $rows.Flow | Should -Be @('Campaign', 'Campaign')
        $rows.Message | Should -Be @('(encrypted: needs Decrypt Logs)', '(encrypted: needs Decrypt Logs)')  # the Owner has no Decrypt Logs
        $file.RecordCount | Should -Be 2
    }

    It 'Save-ConnectLogExport never replaces a file without -Force, and -WhatIf writes nothing' {
        $path = Join-Path $Saved $Ready.FileName
        { $Ready | Save-ConnectLogExport -OutFile $path -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectLogExportInvalidArgument,DigitalChannels.PowerShell.Cmdlets.SaveConnectLogExportCommand'
        $other = Join-Path $Saved 'other.csv'
        $Ready | Save-ConnectLogExport -OutFile $other -WhatIf | Should -BeNullOrEmpty
        Test-Path $other | Should -BeFalse
        ($Ready | Save-ConnectLogExport -OutFile $path -Force).RecordCount | Should -Be 2
    }

    It 'New-ConnectScheduledEvent -WhatIf schedules nothing; a flow that does not start on a custom event is refused' {
        $Campaign | New-ConnectScheduledEvent 'Never' -StartTime (Get-Date).AddHours(1) -WhatIf | Should -BeNullOrEmpty
        Get-ConnectScheduledEvent | Should -BeNullOrEmpty
        { New-ConnectScheduledEvent 'Chat event' -Flow 'Chat' -Service 'Campaigns' -StartTime (Get-Date).AddHours(1) -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectScheduledEventWrongFlowKind,DigitalChannels.PowerShell.Cmdlets.NewConnectScheduledEventCommand'
    }

    It 'a scheduled event fires when the sandbox clock passes its time, and records its run' {
        $script:Event = $Campaign | New-ConnectScheduledEvent 'Offer in an hour' -StartTime (Get-Date).AddHours(1)
        ($Event.Status, $Event.RunCount, $Event.FlowName, $Event.Schedule) | Should -Be @('Scheduled', 0, 'Campaign', 'Once')
        Move-SandboxClock -DataDirectory $DataDirectory -Seconds 3660
        $script:Fired = Get-ConnectScheduledEvent 'Offer in an hour'
        ($Fired.Status, $Fired.RunCount, $Fired.LastOutcome, $Fired.NextRunTime) | Should -Be @('Completed', 1, 'Delivered', $null)
        $Fired.LastRunTime | Should -Be $Event.StartTime
        Get-ConnectScheduledEvent | Out-String -Width 120 | Should -Match 'Name\s+Flow\s+Schedule\s+Status\s+Next run \(UTC\)\s+Last run \(UTC\)\s+LastOutcome'
    }

    It 'the run is a transaction: Get-ConnectDebugLog finds it, and the export of custom events holds it' {
        $transaction = Get-ConnectDebugLog $Fired.LastTransactionId
        ($transaction.Trigger, $transaction.FlowName, $transaction.Outcome, $transaction.Channel) | Should -Be @('EventScheduler', 'Campaign', 'Delivered', 'CustomEvent')
        $export = Start-ConnectLogExport 'Campaigns' -Direction Inbound -Channel CustomEvent -From $From -To $To
        Move-SandboxClock -DataDirectory $DataDirectory -Seconds 60
        $file = $export | Wait-ConnectLogExport -TimeoutSeconds 30 | Save-ConnectLogExport -OutFile (Join-Path $Saved 'custom-events.csv')
        $rows = @(Import-Csv -Path $file.Path)
        $rows.'Transaction ID' | Should -Be @($Sent.TransactionId + $Fired.LastTransactionId)
        ($rows | Where-Object 'Transaction ID' -EQ $Fired.LastTransactionId).Trigger | Should -Be 'EventScheduler'
    }

    It 'Set-ConnectScheduledEvent changes what is given (with -WhatIf nothing), Remove-ConnectScheduledEvent removes' {
        New-ConnectScheduledEvent 'Daily offer' -Flow 'Campaign' -Service 'Campaigns' -StartTime (Get-Date).AddDays(1) -Recurrence Daily | Out-Null
        Set-ConnectScheduledEvent 'Daily offer' -Enabled:$false -WhatIf
        (Get-ConnectScheduledEvent 'Daily offer').Status | Should -Be 'Scheduled'
        $changed = Get-ConnectScheduledEvent 'Daily offer' | Set-ConnectScheduledEvent -Enabled:$false -Recurrence Hourly -Interval 6 -PassThru
        ($changed.Status, $changed.Schedule) | Should -Be @('Disabled', 'Every 6 hours')
        Remove-ConnectScheduledEvent 'Daily offer' -WhatIf
        @(Get-ConnectScheduledEvent 'Daily*').Count | Should -Be 1
        Get-ConnectScheduledEvent 'Daily offer' | Remove-ConnectScheduledEvent -Confirm:$false
        { Get-ConnectScheduledEvent 'Daily offer' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectScheduledEventNotFound,DigitalChannels.PowerShell.Cmdlets.GetConnectScheduledEventCommand'
    }

    It 'a Restricted teammate may not export logs (nor read the service): ConnectLogExportForbidden' {
        $sandbox = Get-SandboxToken -DataDirectory $DataDirectory
        $app = Invoke-RestMethod -Method Post -Uri "$($sandbox.BaseUrl)/sandbox/v1/organization/$($sandbox.OrgId)/applications" `
            -Headers @{ Authorization = "Bearer $($sandbox.Token)" } -ContentType 'application/json' `
            -Body (@{ name = 'Restricted bot'; role = 'Restricted'; scopes = @('connect:config_read') } | ConvertTo-Json)
        $secret = ConvertTo-SecureString $app.clientSecret -AsPlainText -Force
        $restricted = Connect-DigitalChannels -SandboxUrl $sandbox.BaseUrl -ClientId $app.clientId -ClientSecret $secret -Scope 'connect:config_read' -ReturnConnection
        $record = { Start-ConnectLogExport 'Campaigns' -Direction Inbound -Connection $restricted -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectLogExportForbidden,DigitalChannels.PowerShell.Cmdlets.StartConnectLogExportCommand' -PassThru
        # Restricted sees only App Tray apps: already looking the service up is refused (the sandbox's own tests show the
        # export route's refusal, "may not export logs", on its own).
        $record.Exception.Message | Should -BeLike "*403 Forbidden. The role 'Restricted' may not*"
    }

    It 'on a live connection each stops with …NoPublicApi naming its portal page' {
        $token = ConvertTo-SecureString 'not-a-real-token' -AsPlainText -Force
        $live = Connect-DigitalChannels -Region eu1 -OrganizationId ([guid]::NewGuid()) -AccessToken $token -ReturnConnection
        $logs = 'Webex Connect portal > Tools > Export Logs'
        $scheduler = 'Webex Connect portal > App Tray > Event Scheduler'
        $cases = @(
            @{ Run = { Start-ConnectLogExport 'Campaigns' -Direction Inbound -Connection $live -ErrorAction Stop }; Id = 'ConnectLogExportNoPublicApi'; Page = $logs }
            @{ Run = { Get-ConnectLogExport -Connection $live -ErrorAction Stop }; Id = 'ConnectLogExportNoPublicApi'; Page = $logs }
            @{ Run = { Wait-ConnectLogExport $Job.Id -Connection $live -ErrorAction Stop }; Id = 'ConnectLogExportNoPublicApi'; Page = $logs }
            @{ Run = { Save-ConnectLogExport $Job.Id -OutFile $Saved -Connection $live -ErrorAction Stop }; Id = 'ConnectLogExportNoPublicApi'; Page = $logs }
            @{ Run = { New-ConnectScheduledEvent 'x' -Flow $Campaign -StartTime (Get-Date).AddHours(1) -Connection $live -ErrorAction Stop }; Id = 'ConnectScheduledEventNoPublicApi'; Page = $scheduler }
            @{ Run = { Get-ConnectScheduledEvent -Connection $live -ErrorAction Stop }; Id = 'ConnectScheduledEventNoPublicApi'; Page = $scheduler }
            @{ Run = { Set-ConnectScheduledEvent 'x' -Enabled -Connection $live -ErrorAction Stop }; Id = 'ConnectScheduledEventNoPublicApi'; Page = $scheduler }
            @{ Run = { Remove-ConnectScheduledEvent 'x' -Confirm:$false -Connection $live -ErrorAction Stop }; Id = 'ConnectScheduledEventNoPublicApi'; Page = $scheduler }
        )
        foreach ($case in $cases) {
            $record = $case.Run | Should -Throw -PassThru
            $record.FullyQualifiedErrorId | Should -BeLike "$($case.Id),*"
            $record.Exception.Message | Should -BeLike "*$($case.Page)*"
        }
    }
}
