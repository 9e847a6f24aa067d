#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The traffic simulator, Debug, Reports and Usage with the BUILT module against a real sandbox (Make Live publishes for
    the platform's 120 seconds; the test moves the sandbox clock instead of waiting). Services: 'Live' (a Live chat flow),
    'Publishing' (version 2 publishing, version 1 live), 'First' (version 1 still publishing) and 'No flow'. The tests
    build on each other and run in order.
#>

Describe 'Connect traffic: Send-DigitalChannelsSandboxMessage, Get-ConnectDebugLog, Get-ConnectReport, Get-ConnectUsage' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $script:Fixtures = Join-Path $RepositoryRoot '../shared/fixtures/workflows'
        if (-not (Test-Path $Fixtures)) { throw "The lab fixtures are absent: expected Cisco's flow exports in $Fixtures (../shared beside the repository)." }
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory
        # The simulator is the sandbox operator's tool: the connection asks for sandbox:admin too.
        Connect-DigitalChannels -ConnectionFile $DataDirectory -Scope ([DigitalChannels.Client.Auth.Scopes]::All) -ErrorAction Stop
        $script:Plain = Connect-DigitalChannels -ConnectionFile $DataDirectory -ReturnConnection -ErrorAction Stop

        # Test support only: the sandbox clock has no cmdlet, so its route is called directly.
        Add-ConnectNodeAuthorization 'Webex CC Engage' -Name 'WxCC Engage Authorisation' | Out-Null
        'Chat live', 'Chat publishing', 'Chat first' | ForEach-Object { New-ConnectApp -Name $_ -Channel LiveChat | Out-Null }
        'Live', 'Publishing', 'First', 'No flow' | ForEach-Object { New-ConnectService -Name $_ | Out-Null }
        $v21 = Join-Path $Fixtures 'v2.1/Live Chat Inbound Flow.workflow'
        $script:LiveFlow = Import-ConnectFlow $v21 -Service 'Live' | Save-ConnectFlow | Publish-ConnectFlow -Asset 'Chat live'
        $script:PublishingFlow = Import-ConnectFlow $v21 -Service 'Publishing' | Save-ConnectFlow | Publish-ConnectFlow -Asset 'Chat publishing'
        Move-SandboxClock -DataDirectory $DataDirectory -Seconds 121
        Import-ConnectFlow (Join-Path $Fixtures 'v3.5/LivechatInbound flow.workflow.zip') -Service 'Publishing' -Name 'Live Chat Inbound Flow' |
            Save-ConnectFlow | Publish-ConnectFlow | Out-Null
        $script:FirstFlow = Import-ConnectFlow $v21 -Service 'First' | Save-ConnectFlow | Publish-ConnectFlow -Asset 'Chat first'
        $script:Start = (Get-Date).AddHours(-1)
        $script:End = (Get-Date).AddHours(1)
    }

    AfterAll {
        if (Get-Command Disconnect-DigitalChannels -ErrorAction SilentlyContinue) {
            Disconnect-DigitalChannels -WarningAction SilentlyContinue
        }
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'the flows are as the scenario needs: Live, a new version Publishing over a live one, a first version Publishing' {
        (Get-ConnectFlow 'Live').Status | Should -Be 'Live'
        $publishing = Get-ConnectFlow 'Publishing'
        ($publishing.Status, $publishing.LiveVersion) | Should -Be @('Publishing', 1)
        $first = Get-ConnectFlow 'First'
        ($first.Status, $first.LiveVersion) | Should -Be @('Publishing', $null)
    }

    It '-WhatIf sends nothing' {
        Send-DigitalChannelsSandboxMessage -Asset 'Chat live' -From 'jane@example.com' -WhatIf | Should -BeNullOrEmpty
        Get-ConnectUsage -InformationVariable said | Should -BeNullOrEmpty
        "$said" | Should -Be 'No records found.'
    }

    It 'a message on the Live flow''s app is delivered to version 1, and the customer''s conversation continues in the reply' {
        $script:Hello = Send-DigitalChannelsSandboxMessage -Asset 'Chat live' -From 'jane@example.com' -Text 'Hello' -WarningVariable warned
        $warned | Should -BeNullOrEmpty
        $Hello | Should -BeOfType ([DigitalChannels.Client.Connect.Traffic.ConnectTransaction])
        ($Hello.Outcome, $Hello.ServiceName, $Hello.FlowId, $Hello.FlowVersion, $Hello.Channel) | Should -Be @('Delivered', 'Live', $LiveFlow.Id, 1, 'LiveChat')
        $Hello.ConversationId | Should -Match '^[0-9a-f]{8}-'
        $script:Reply = Send-DigitalChannelsSandboxMessage 'Chat live' -To 'jane@example.com' -Outcome Read -Text 'Hi Jane'
        ($Reply.Direction, $Reply.Outcome, $Reply.Destination, $Reply.ConversationId) | Should -Be @('Outbound', 'Read', 'jane@example.com', $Hello.ConversationId)
    }

    It 'while a new version publishes, the previous live version handles the message' {
        $script:During = Send-DigitalChannelsSandboxMessage -Asset 'Chat publishing' -From 'ann@example.com'
        ($During.Outcome, $During.FlowId, $During.FlowVersion) | Should -Be @('Delivered', $PublishingFlow.Id, 1)
        $During.Reason | Should -BeLike 'Version 2 is Publishing until *; the live version 1 handled it.'
    }

    It 'a flow with no live version yet, and a service with no flow, reject the message: recorded with the reason, and a warning' {
        $script:Early = Send-DigitalChannelsSandboxMessage -Asset 'Chat first' -From 'ann@example.com' -WarningVariable warned -WarningAction SilentlyContinue
        ($Early.Outcome, $Early.ServiceName, $Early.FlowId, $Early.FlowVersion) | Should -Be @('Rejected', 'First', $FirstFlow.Id, $null)
        $Early.Reason | Should -BeLike "Flow 'Live Chat Inbound Flow' (id $($FirstFlow.Id)) has no live version yet (version 1 is Publishing until *"
        "$warned" | Should -Be "The message was rejected: $($Early.Reason)"

        $script:NoFlow = Send-DigitalChannelsSandboxMessage -Event CustomEvent -Service 'No flow' -WarningAction SilentlyContinue
        ($NoFlow.Outcome, $NoFlow.ServiceName, $NoFlow.Channel) | Should -Be @('Rejected', 'No flow', 'CustomEvent')
        $NoFlow.Reason | Should -BeLike "*has no Custom Event flow*"
    }

    It 'Get-ConnectDebugLog queries by transaction id, also from the pipeline' {
        $found = $Hello, $During, $Early | Get-ConnectDebugLog
        $found.TransactionId | Should -Be @($Hello.TransactionId, $During.TransactionId, $Early.TransactionId)
        $found.Outcome | Should -Be @('Delivered', 'Delivered', 'Rejected')
        (Get-ConnectDebugLog $NoFlow.TransactionId).Reason | Should -Be $NoFlow.Reason
        # The owner has no Decrypt Logs: the text stays encrypted.
        ($found[0].Text, $found[0].Encrypted) | Should -Be @($null, $true)
    }

    It 'an unknown transaction id is ConnectDebugLogNotFound' {
        $id = [guid]::NewGuid().ToString()
        { Get-ConnectDebugLog -TransactionId $id -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectDebugLogNotFound,DigitalChannels.PowerShell.Cmdlets.GetConnectDebugLogCommand'
    }

    It 'Get-ConnectDebugLog queries by destination id' {
        $toJane = @(Get-ConnectDebugLog -DestinationId 'jane@example.com')
        $toJane.TransactionId | Should -Be @($Reply.TransactionId)
    }

    It 'Get-ConnectDebugLog reads the historical log by channel and date range; an empty range says No records found' {
        $history = @(Get-ConnectDebugLog -Channel 'Live Chat' -Start $Start -End $End)
        $history.TransactionId | Should -Be @($Hello.TransactionId, $Reply.TransactionId, $During.TransactionId, $Early.TransactionId)
        $table = $history | Format-Table | Out-String -Width 120
        $table | Should -Match 'TransactionId\s+Time\s+Direction\s+Channel\s+Outcome\s+Version\s+FlowName'

        Get-ConnectDebugLog -Channel LiveChat -Start $Start.AddDays(-2) -End $Start.AddDays(-1) -InformationVariable said -ErrorVariable failed |
            Should -BeNullOrEmpty
        "$said" | Should -Be 'No records found.'
        $failed | Should -BeNullOrEmpty
    }

    It 'Get-ConnectReport counts per service, channel and flow' {
        $live = Get-ConnectReport -Service 'Live' -Channel LiveChat -Start $Start -End $End
        $live | Should -BeOfType ([DigitalChannels.Client.Connect.Traffic.ConnectReport])
        ($live.Submitted, $live.Rejected, $live.Delivered, $live.Read, $live.Failed) | Should -Be @(2, 0, 2, 1, 0)
        $publishing = Get-ConnectService 'Publishing' | Get-ConnectReport -Flow 'Live Chat Inbound Flow' -Start $Start -End $End
        ($publishing.Submitted, $publishing.Delivered, $publishing.FlowName) | Should -Be @(1, 1, 'Live Chat Inbound Flow')
        (Get-ConnectReport 'First' -Start $Start -End $End).Rejected | Should -Be 1
        (Get-ConnectReport 'No flow' -Start $Start -End $End).Rejected | Should -Be 1
        Get-ConnectReport 'Live' -Start $Start -End $End | Out-String -Width 120 | Should -Match 'ServiceName\s+Of\s+Submitted\s+Rejected\s+Delivered\s+Read\s+Failed'
    }

    It 'a report of a period with nothing says "No records found." as information: no object, no error' {
        Get-ConnectReport 'Live' -Channel Sms -Start $Start -End $End -InformationVariable said -ErrorVariable failed | Should -BeNullOrEmpty
        "$said" | Should -Be 'No records found.'
        $failed | Should -BeNullOrEmpty
    }

    It 'Get-ConnectUsage shows the tenant''s traffic per channel' {
        $usage = @(Get-ConnectUsage)
        $usage.Channel | Should -Be @('CustomEvent', 'LiveChat')
        $chat = $usage | Where-Object Channel -EQ 'LiveChat'
        ($chat.Inbound, $chat.Outbound, $chat.Rejected, $chat.Total) | Should -Be @(3, 1, 1, 4)
        $usage | Out-String -Width 120 | Should -Match 'Channel\s+Inbound\s+Outbound\s+Rejected\s+Total'
    }

    It 'the simulator needs the sandbox operator''s scope: a plain connection gets DigitalChannelsSandboxMessageScopeMissing' {
        { Send-DigitalChannelsSandboxMessage -Event TaskRouted -Connection $Plain -ErrorAction Stop } |
            Should -Throw -ErrorId 'DigitalChannelsSandboxMessageScopeMissing,DigitalChannels.PowerShell.Cmdlets.SendDigitalChannelsSandboxMessageCommand'
        (Get-ConnectDebugLog -DestinationId 'jane@example.com' -Connection $Plain).TransactionId | Should -Be $Reply.TransactionId
    }

    It 'on a live connection each stops with …NoPublicApi naming its portal page' {
        $token = ConvertTo-SecureString 'not-a-real-token' -AsPlainText -Force
        $live = Connect-DigitalChannels -Region eu1 -OrganizationId ([guid]::NewGuid()) -AccessToken $token -ReturnConnection
        $cases = @(
            @{ Run = { Send-DigitalChannelsSandboxMessage -Asset 'Chat live' -Connection $live -ErrorAction Stop }; Id = 'DigitalChannelsSandboxMessageNoPublicApi'; Page = 'only in the DigitalChannels sandbox' }
            @{ Run = { Get-ConnectDebugLog -TransactionId $Hello.TransactionId -Connection $live -ErrorAction Stop }; Id = 'ConnectDebugLogNoPublicApi'; Page = 'Webex Connect portal > Debug > Query by Transaction ID' }
            @{ Run = { Get-ConnectDebugLog -DestinationId 'x' -Connection $live -ErrorAction Stop }; Id = 'ConnectDebugLogNoPublicApi'; Page = 'Webex Connect portal > Debug > Query by Destination ID' }
            @{ Run = { Get-ConnectDebugLog -Channel Sms -Start $Start -End $End -Connection $live -ErrorAction Stop }; Id = 'ConnectDebugLogNoPublicApi'; Page = 'Webex Connect portal > Debug > Historical Log' }
            @{ Run = { Get-ConnectReport 'Live' -Start $Start -End $End -Connection $live -ErrorAction Stop }; Id = 'ConnectReportNoPublicApi'; Page = 'Webex Connect portal > Reports' }
            @{ Run = { Get-ConnectUsage -Connection $live -ErrorAction Stop }; Id = 'ConnectUsageNoPublicApi'; Page = 'Webex Connect portal > Settings > Usage' }
        )
        foreach ($case in $cases) {
            $record = $case.Run | Should -Throw -PassThru
            $record.FullyQualifiedErrorId | Should -BeLike "$($case.Id),*"
            $record.Exception.Message | Should -BeLike "*$($case.Page)*"
        }
    }
}
