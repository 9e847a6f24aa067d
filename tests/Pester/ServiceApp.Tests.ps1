#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Webex Service Apps and Set-ConnectApp in a real PowerShell with the BUILT module against a sandbox: an administrator
    signs in in the browser (headless Chromium, as in AdministratorSignIn.Tests.ps1) with spark:applications_token, then
    Connect-DigitalChannels -ServiceApplicationId acts as the app's machine account; the refusals carry their error ids;
    the runbook way (-RefreshToken with the service app's credential) works; tokens refresh after the sandbox clock passes
    their hour. The tests build on each other and run in order.
#>

Describe 'Connect-DigitalChannels -ServiceApplicationId and Set-ConnectApp' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory
        $script:Connection = Get-Content -Raw (Join-Path $DataDirectory 'connection.json') | ConvertFrom-Json
        $script:PreviousBrowser = $env:DIGITALCHANNELS_BROWSER

        function script:Get-OwnerToken {
            (Invoke-RestMethod -Method Post -Uri "$($Connection.baseUrl)/v1/access_token" -Body @{
                grant_type = 'client_credentials'; client_id = $Connection.clientId; client_secret = $Connection.clientSecret }).access_token
        }

        function script:Invoke-Sandbox([string] $Method, [string] $Path, $Body) {
            $arguments = @{ Method = $Method; Uri = "$($Connection.baseUrl)$Path"; Headers = @{ Authorization = "Bearer $(Get-OwnerToken)" } }
            if ($null -ne $Body) { $arguments.Body = ($Body | ConvertTo-Json); $arguments.ContentType = 'application/json' }
            Invoke-RestMethod @arguments
        }

        function script:Use-Browser([string] $Name) { Use-SignInBrowser -Name $Name -Connection $Connection -Folder $TestDrive }

        # A service app registered in the sandbox (the developer portal's part): its application id, client id and secret.
        $app = Invoke-Sandbox Post "/sandbox/v1/organization/$($Connection.orgId)/applications" @{
            name = 'Runbook service app'; role = 'ReadOnly'; scopes = @('connect:config_read', 'connect:config_write', 'cjp:config_read') }
        $script:ApplicationId = $app.applicationId
        $script:ServiceApp = New-Object System.Management.Automation.PSCredential ($app.clientId, (ConvertTo-SecureString $app.clientSecret -AsPlainText -Force))
    }

    AfterAll {
        $env:DIGITALCHANNELS_BROWSER = $PreviousBrowser
        if (Get-Command Disconnect-DigitalChannels -ErrorAction SilentlyContinue) { Disconnect-DigitalChannels -WarningAction SilentlyContinue }
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'refuses an app that no Full Admin of the organization has authorized, with its own error id' {
        $admin = Connect-DigitalChannels -ConnectionFile $DataDirectory -Scope connect:config_read, spark:applications_token -ReturnConnection -ErrorAction Stop
        { Connect-DigitalChannels -ServiceApplicationId $ApplicationId -Credential $ServiceApp -OrganizationId $Connection.orgId -Connection $admin -ErrorAction Stop } |
            Should -Throw -ErrorId 'DigitalChannelsConnectionServiceAppNotAuthorized*' -ExpectedMessage "*is not authorized for organization '$($Connection.orgId)'*"
    }

    It 'refuses an administrator token without spark:applications_token, naming the scope' {
        Invoke-Sandbox Put "/sandbox/v1/organization/$($Connection.orgId)/service-apps/$ApplicationId/authorization" | Out-Null
        $narrow = Connect-DigitalChannels -ConnectionFile $DataDirectory -Scope connect:config_read -ReturnConnection -ErrorAction Stop
        { Connect-DigitalChannels -ServiceApplicationId $ApplicationId -Credential $ServiceApp -OrganizationId $Connection.orgId -Connection $narrow -ErrorAction Stop } |
            Should -Throw -ErrorId 'DigitalChannelsConnectionScopeMissing*' -ExpectedMessage '*spark:applications_token*'
    }

    It 'refuses a wrong secret without showing it' {
        $admin = Connect-DigitalChannels -ConnectionFile $DataDirectory -Scope connect:config_read, spark:applications_token -ReturnConnection -ErrorAction Stop
        $wrong = New-Object System.Management.Automation.PSCredential ($ServiceApp.UserName, (ConvertTo-SecureString 'not-the-secret-0123456789' -AsPlainText -Force))
        $caught = $null
        try { Connect-DigitalChannels -ServiceApplicationId $ApplicationId -Credential $wrong -OrganizationId $Connection.orgId -Connection $admin -ErrorAction Stop }
        catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'DigitalChannelsConnectionInvalidClient*'
        ($caught | Out-String) | Should -Not -Match 'not-the-secret-0123456789'
    }

    It 'after an administrator''s browser sign-in with the scope, acts as the app''s machine account, refreshed past its hour' {
        $null = Use-Browser 'admin'
        Connect-DigitalChannels -ConnectionFile $DataDirectory -Interactive -RedirectPort 0 -Scope connect:config_read, spark:applications_token -ErrorAction Stop
        (Get-DigitalChannelsConnection).AuthenticationMethod | Should -Be 'RefreshToken'

        Connect-DigitalChannels -ServiceApplicationId $ApplicationId -Credential $ServiceApp -OrganizationId $Connection.orgId -ErrorAction Stop
        $current = Get-DigitalChannelsConnection
        $current.AuthenticationMethod | Should -Be 'ServiceApp'
        $current.ClientId | Should -Be $ServiceApp.UserName
        $current.OrganizationId | Should -Be $Connection.orgId
        $expires = $current.TokenExpiresOn
        ($expires - [DateTimeOffset]::UtcNow).TotalMinutes | Should -BeLessOrEqual 61

        New-ConnectService -Name 'Made by the service app' | Out-Null
        Invoke-Sandbox Post '/sandbox/v1/clock/advance' @{ seconds = 3700 } | Out-Null
        (Get-ConnectService -Name 'Made by the service app').Name | Should -Be 'Made by the service app'
        (Get-DigitalChannelsConnection).TokenExpiresOn | Should -BeGreaterThan $expires
    }

    It 'a runbook connects with the service app''s refresh token and credential, without an administrator' {
        $pair = Invoke-Sandbox Post "/v1/applications/$ApplicationId/token" @{
            clientId = $ServiceApp.UserName; clientSecret = $ServiceApp.GetNetworkCredential().Password; targetOrgId = $Connection.orgId }
        $refresh = ConvertTo-SecureString $pair.refresh_token -AsPlainText -Force
        $runbook = Connect-DigitalChannels -ConnectionFile $DataDirectory -Credential $ServiceApp -RefreshToken $refresh -OrganizationId $Connection.orgId -ReturnConnection -ErrorAction Stop
        $runbook.ClientId | Should -Be $ServiceApp.UserName
        Get-ConnectService -Name 'Made by the service app' -Connection $runbook | Should -Not -BeNullOrEmpty
    }

    It 'Set-ConnectApp -WhatIf changes nothing; by name, by id and channel, and from the pipeline it renames the app' {
        $app = New-ConnectApp -Name 'Pester chat' -Channel LiveChat
        Set-ConnectApp 'Pester chat' -NewName 'Never' -WhatIf
        (Get-ConnectAsset 'Pester chat').Id | Should -Be $app.Id

        (Set-ConnectApp 'Pester chat' -NewName 'Pester chat 2' -PassThru -Confirm:$false).Name | Should -Be 'Pester chat 2'
        Set-ConnectApp -Id $app.Id -Channel LiveChat -NewName 'Pester chat 3' -Confirm:$false
        (Get-ConnectAsset -Type App | Where-Object Id -eq $app.Id).Name | Should -Be 'Pester chat 3'
        Get-ConnectAsset 'Pester chat 3' | Set-ConnectApp -NewName 'Pester chat 4' -Confirm:$false
        (Get-ConnectAsset 'Pester chat 4').Id | Should -Be $app.Id

        { Set-ConnectApp -Id $app.Id -Channel Email -NewName 'Wrong channel' -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ConnectAppNotFound*'
        Remove-ConnectApp -App $app -Confirm:$false
    }
}
