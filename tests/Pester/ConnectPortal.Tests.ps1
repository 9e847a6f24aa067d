#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Lab 12.2 "4. Tools" (Templates) and "8. Settings" (Tenant Settings, Profile Settings) with the BUILT module against a
    real sandbox: the cmdlets, -WhatIf, pipeline binding, Tab completion, role refusal, the errors that name the bad
    value, and NoPublicApi naming the portal page on a live connection. The tests build on each other and run in order.
#>

Describe 'Connect templates, tenant settings and profile against the sandbox' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory
        $script:TimeBoxBefore = $env:DIGITALCHANNELS_COMPLETER_TIMEOUT
        $env:DIGITALCHANNELS_COMPLETER_TIMEOUT = '60'
        Connect-DigitalChannels -ConnectionFile $DataDirectory -ErrorAction Stop

        # A teammate of another role, through the sandbox management API (a test tool, no cmdlet).
        function New-RoleConnection([string] $Role) {
            $file = Get-Content -Raw (Join-Path $DataDirectory 'connection.json') | ConvertFrom-Json
            $token = (Invoke-RestMethod -Method Post -Uri "$($file.baseUrl)/v1/access_token" -Body @{
                grant_type = 'client_credentials'; client_id = $file.clientId; client_secret = $file.clientSecret; scope = 'sandbox:admin' }).access_token
            $body = @{ name = "$Role app"; role = $Role; scopes = @('connect:config_read', 'connect:config_write') } | ConvertTo-Json
            $app = Invoke-RestMethod -Method Post -Uri "$($file.baseUrl)/sandbox/v1/organization/$($file.orgId)/applications" `
                -Headers @{ Authorization = "Bearer $token" } -ContentType 'application/json' -Body $body
            $secret = ConvertTo-SecureString $app.clientSecret -AsPlainText -Force
            Connect-DigitalChannels -SandboxUrl $file.baseUrl -ClientId $app.clientId -ClientSecret $secret `
                -Scope 'connect:config_read', 'connect:config_write' -ReturnConnection -ErrorAction Stop
        }

        function Get-Completion([string] $Line) {
            @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText)
        }
    }

    AfterAll {
        $env:DIGITALCHANNELS_COMPLETER_TIMEOUT = $TimeBoxBefore
        if (Get-Command Disconnect-DigitalChannels -ErrorAction SilentlyContinue) { Disconnect-DigitalChannels -WarningAction SilentlyContinue }
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'New-ConnectTemplate creates templates per channel and lists their variables' {
        $sms = New-ConnectTemplate 'Order shipped' -Channel sms -Body 'Hi $(customerName), order $(orderId) ships today.'
        $sms.Channel | Should -Be 'sms'
        $sms.ContentType | Should -Be 'Text'
        $sms.Variables | Should -Be @('customerName', 'orderId')
        $mail = New-ConnectTemplate 'Order mail' -Channel email -ContentType Html -Subject 'Your order $(orderId)' -Body '<p>Thanks</p>'
        $mail.Variables | Should -Be @('orderId')
        (Get-ConnectTemplate 'Order*').Name | Should -Be @('Order mail', 'Order shipped')
        (Get-ConnectTemplate -Channel email).Name | Should -Be 'Order mail'
    }

    It 'a name taken regardless of case fails with ConnectTemplateAlreadyExists' {
        { New-ConnectTemplate 'ORDER SHIPPED' -Channel rcs -Body 'Hi' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectTemplateAlreadyExists,DigitalChannels.PowerShell.Cmdlets.NewConnectTemplateCommand'
    }

    It 'a value the channel refuses fails with ConnectTemplateInvalidArgument naming it, and nothing is created' {
        $err = $null
        New-ConnectTemplate 'Accents' -Channel sms -Body 'Coût ✓' -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -Be 'ConnectTemplateInvalidArgument,DigitalChannels.PowerShell.Cmdlets.NewConnectTemplateCommand'
        $err[0].Exception.Message | Should -BeLike "*'û', '✓'*use the content type Unicode*"
        { New-ConnectTemplate 'Fax' -Channel fax -Body 'Hi' -ErrorAction Stop } | Should -Throw "*'fax' is not a channel of Tools > Templates; use one of: sms, email, whatsapp*"
        @(Get-ConnectTemplate).Name | Should -Be @('Order mail', 'Order shipped')
    }

    It 'New-ConnectTemplate and Remove-ConnectTemplate -WhatIf change nothing' {
        New-ConnectTemplate 'Ghost' -Channel whatsapp -Body 'Boo' -WhatIf
        Get-ConnectTemplate 'Ghost*' | Should -BeNullOrEmpty
        Remove-ConnectTemplate 'Order shipped' -WhatIf
        Get-ConnectTemplate 'Order shipped' | Should -Not -BeNullOrEmpty
    }

    It 'Get-ConnectTemplate | Set-ConnectTemplate changes every piped template' {
        Get-ConnectTemplate -Channel sms | Set-ConnectTemplate -ContentType Unicode -Body 'Bonjour $(customerName) ✓'
        $changed = Get-ConnectTemplate 'Order shipped'
        $changed.ContentType | Should -Be 'Unicode'
        $changed.Variables | Should -Be @('customerName')
    }

    It 'Tab completes template names, a channel''s content types and the date formats' {
        Get-Completion 'Get-ConnectTemplate Order' | Should -Be @("'Order mail'", "'Order shipped'")
        Get-Completion 'Remove-ConnectTemplate Order_s' | Should -BeNullOrEmpty
        Get-Completion 'New-ConnectTemplate x -Channel email -ContentType ' | Should -Be @('Text', 'Html')
        Get-Completion 'New-ConnectTemplate x -Channel li' | Should -Be @('livechat')
        Get-Completion 'Set-ConnectTenantSetting -DateFormat DD/' | Should -Be @("'DD/MM/YYYY HH:mm:ss'")
    }

    It 'a ReadOnly teammate lists templates but Remove-ConnectTemplate is refused with ConnectTemplateForbidden' {
        $reader = New-RoleConnection 'ReadOnly'
        (Get-ConnectTemplate -Connection $reader).Count | Should -Be 2
        { Remove-ConnectTemplate 'Order mail' -Connection $reader -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectTemplateForbidden,DigitalChannels.PowerShell.Cmdlets.RemoveConnectTemplateCommand'
        Get-ConnectTemplate 'Order*' | Remove-ConnectTemplate -Confirm:$false
        Get-ConnectTemplate | Should -BeNullOrEmpty
    }

    It 'Get-ConnectTenantSetting shows a new tenant''s time zone and date format' {
        $setting = Get-ConnectTenantSetting
        $setting.TimeZone | Should -Be 'UTC'
        $setting.UtcOffset | Should -Be '+00:00'
        $setting.DateFormat | Should -Be 'YYYY-MM-DD HH:mm:ss'
    }

    It 'Set-ConnectTenantSetting -WhatIf changes nothing; the Owner sets an IANA or Windows time zone' {
        Set-ConnectTenantSetting -TimeZone 'Europe/Paris' -WhatIf
        (Get-ConnectTenantSetting).TimeZone | Should -Be 'UTC'
        (Set-ConnectTenantSetting -TimeZone 'Tokyo Standard Time' -DateFormat 'DD/MM/YYYY HH:mm:ss' -PassThru).TimeZone | Should -Be 'Asia/Tokyo'
        $setting = Get-ConnectTenantSetting
        $setting.UtcOffset | Should -Be '+09:00'
        $setting.DateFormat | Should -Be 'DD/MM/YYYY HH:mm:ss'
    }

    It 'an unknown time zone or date format is refused naming the value and listing what is allowed' {
        $err = $null
        Set-ConnectTenantSetting -TimeZone 'Mars/Olympus_Mons' -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -Be 'ConnectTenantSettingUnknownTimeZone,DigitalChannels.PowerShell.Cmdlets.SetConnectTenantSettingCommand'
        $err[0].TargetObject | Should -Be 'Mars/Olympus_Mons'
        { Set-ConnectTenantSetting -DateFormat 'dd.MM.yyyy' -ErrorAction Stop } |
            Should -Throw "*The date format 'dd.MM.yyyy' is not one the portal offers; use one of: 'YYYY-MM-DD HH:mm:ss', 'DD-MM-YYYY HH:mm:ss'*"
        (Get-ConnectTenantSetting).TimeZone | Should -Be 'Asia/Tokyo'
    }

    It 'a Full Access teammate reads the tenant settings but Set-ConnectTenantSetting is refused: only the Owner may' {
        $admin = New-RoleConnection 'FullAccess'
        (Get-ConnectTenantSetting -Connection $admin).TimeZone | Should -Be 'Asia/Tokyo'
        $err = $null
        Set-ConnectTenantSetting -TimeZone 'UTC' -Connection $admin -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -Be 'ConnectTenantSettingForbidden,DigitalChannels.PowerShell.Cmdlets.SetConnectTenantSettingCommand'
        $err[0].Exception.Message | Should -BeLike "*The role 'FullAccess' may not change the tenant settings (only the tenant Owner can)*"
        (Get-ConnectTenantSetting).TimeZone | Should -Be 'Asia/Tokyo'
    }

    It 'Get-ConnectProfile shows the signed-in teammate; Set-ConnectProfile changes its own name and notifications' {
        $me = Get-ConnectProfile
        $me.Role | Should -Be 'Owner'
        $me.NotificationsOn | Should -Be 'ProfileKeyRegenerated, ServiceKeyUpdates, RuleExpiry, ServiceStatusUpdate'
        Set-ConnectProfile -Name 'Renamed Owner' -WhatIf
        (Get-ConnectProfile).Name | Should -Be $me.Name
        $changed = Set-ConnectProfile -Name 'Renamed Owner' -DisableNotification RuleExpiry -PassThru
        $changed.Name | Should -Be 'Renamed Owner'
        $changed.Notifications['RuleExpiry'] | Should -BeFalse
        (Get-ConnectProfile).NotificationsOn | Should -Be 'ProfileKeyRegenerated, ServiceKeyUpdates, ServiceStatusUpdate'

        $reader = New-RoleConnection 'ReadOnly'
        (Set-ConnectProfile -Name 'Reviewer' -Connection $reader -PassThru).Role | Should -Be 'ReadOnly'
        (Get-ConnectProfile).Name | Should -Be 'Renamed Owner'
        { Set-ConnectProfile -EnableNotification 'Weekly' -ErrorAction Stop } | Should -Throw "*'Weekly' is not a notification of Profile Settings*"
    }

    It 'on a live connection each stops with NoPublicApi naming its portal page' {
        $token = ConvertTo-SecureString 'live-token-never-sent' -AsPlainText -Force
        $live = Connect-DigitalChannels -Region us1 -AccessToken $token -OrganizationId ([guid]::NewGuid()) -ReturnConnection -ErrorAction Stop
        $calls = @(
            @{ Run = { New-ConnectTemplate 'T' -Channel sms -Body 'Hi' -Connection $live }; Id = 'ConnectTemplateNoPublicApi'; Page = 'Tools > Templates' }
            @{ Run = { Get-ConnectTemplate -Connection $live }; Id = 'ConnectTemplateNoPublicApi'; Page = 'Tools > Templates' }
            @{ Run = { Set-ConnectTemplate 'T' -Body 'x' -Connection $live }; Id = 'ConnectTemplateNoPublicApi'; Page = 'Tools > Templates' }
            @{ Run = { Remove-ConnectTemplate 'T' -Connection $live -Confirm:$false }; Id = 'ConnectTemplateNoPublicApi'; Page = 'Tools > Templates' }
            @{ Run = { Get-ConnectTenantSetting -Connection $live }; Id = 'ConnectTenantSettingNoPublicApi'; Page = 'Settings > Tenant Settings' }
            @{ Run = { Set-ConnectTenantSetting -TimeZone UTC -Connection $live }; Id = 'ConnectTenantSettingNoPublicApi'; Page = 'Settings > Tenant Settings' }
            @{ Run = { Get-ConnectProfile -Connection $live }; Id = 'ConnectProfileNoPublicApi'; Page = 'Settings > Profile Settings' }
            @{ Run = { Set-ConnectProfile -Name 'Me' -Connection $live }; Id = 'ConnectProfileNoPublicApi'; Page = 'Settings > Profile Settings' }
        )
        foreach ($call in $calls) {
            $record = $null
            try { & $call.Run -ErrorAction Stop } catch { $record = $_ }
            $record | Should -Not -BeNullOrEmpty -Because "$($call.Run) must stop"
            $record.FullyQualifiedErrorId | Should -BeLike "$($call.Id),*"
            $record.CategoryInfo.Category | Should -Be 'NotImplemented'
            $record.Exception.Message | Should -BeLike "*no public Webex API*Webex Connect portal > $($call.Page)*"
        }
    }
}
