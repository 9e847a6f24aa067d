#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Lab 12.4 with the BUILT module against a real sandbox: a Full Access teammate is invited, joins through the link in
    the outbox, and is granted Decrypt Logs by the Owner, while the same grant by the teammate itself is refused.
    The tests build on each other and run in order.
#>

Describe 'Connect teammates and Decrypt Logs against the sandbox' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory
        # sandbox:admin reads the outbox; the default scopes leave it out.
        $script:Owner = Connect-DigitalChannels -ConnectionFile $DataDirectory -Scope 'connect:config_read', 'connect:config_write', 'sandbox:admin' -ReturnConnection -ErrorAction Stop
        $script:Email = 'ada@example.com'
        $script:Password = ConvertTo-SecureString 'Join-the-team-2026' -AsPlainText -Force

        function New-TeammateConnection([string] $UserEmail) {
            # The sandbox management API creates an app acting as the teammate (no cmdlet: it is a test tool).
            $file = Get-Content -Raw (Join-Path $DataDirectory 'connection.json') | ConvertFrom-Json
            $token = (Invoke-RestMethod -Method Post -Uri "$($file.baseUrl)/v1/access_token" -Body @{
                grant_type = 'client_credentials'; client_id = $file.clientId; client_secret = $file.clientSecret; scope = 'sandbox:admin' }).access_token
            $body = @{ name = "App for $UserEmail"; userEmail = $UserEmail; scopes = @('connect:config_read', 'connect:config_write') } | ConvertTo-Json
            $app = Invoke-RestMethod -Method Post -Uri "$($file.baseUrl)/sandbox/v1/organization/$($file.orgId)/applications" `
                -Headers @{ Authorization = "Bearer $token" } -ContentType 'application/json' -Body $body
            $secret = ConvertTo-SecureString $app.clientSecret -AsPlainText -Force
            Connect-DigitalChannels -SandboxUrl $file.baseUrl -ClientId $app.clientId -ClientSecret $secret `
                -Scope 'connect:config_read', 'connect:config_write' -ReturnConnection -ErrorAction Stop
        }
    }

    AfterAll {
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'New-ConnectTeammate invites a Full Access teammate and mails a join link valid 24 hours' {
        $teammate = New-ConnectTeammate -Email $Email -Role FullAccess -Connection $Owner
        $teammate.Status | Should -Be 'Invited'
        $mail = Get-DigitalChannelsSandboxMail -To $Email -Kind TeammateInvitation -Newest -Connection $Owner
        $mail.Link | Should -Match '/sandbox/v1/teammate-invitations/'
        ($mail.ExpiresTime - $mail.CreatedTime).TotalHours | Should -Be 24
    }

    It 'Complete-ConnectTeammateInvitation joins the team with the link from the outbox' {
        $joined = Get-DigitalChannelsSandboxMail -To $Email -Kind TeammateInvitation -Newest -Connection $Owner |
            Complete-ConnectTeammateInvitation -Name 'Ada Lovelace' -Password $Password -Connection $Owner -Confirm:$false
        $joined.Status | Should -Be 'Active'
        $joined.Name | Should -Be 'Ada Lovelace'
    }

    It 'Grant-DecryptLogs by the Full Access teammate is refused with the Owner-only message' {
        $script:Teammate = New-TeammateConnection -UserEmail $Email
        $err = $null
        Grant-DecryptLogs $Email -Connection $Teammate -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -Be 'DecryptLogsForbidden,DigitalChannels.PowerShell.Cmdlets.GrantDecryptLogsCommand'
        $err[0].ToString() | Should -BeLike "*The role 'FullAccess' may not grant or revoke Decrypt Logs (only the tenant Owner can)*"
        (Get-ConnectTeammate $Email -Connection $Owner).DecryptLogs | Should -BeFalse
    }

    It 'Grant-DecryptLogs by the Owner grants it' {
        $granted = Grant-DecryptLogs $Email -PassThru -Connection $Owner -Confirm:$false
        $granted.DecryptLogs | Should -BeTrue
    }

    It 'Nobody invites a second Owner: -Role refuses Owner before any request, naming the roles that may be given' {
        # The server refuses it too (pointing to Partner Success); the module no longer offers or accepts it.
        $record = { New-ConnectTeammate -Email 'second-owner@example.com' -Role Owner -Connection $Owner -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,DigitalChannels.PowerShell.Cmdlets.NewConnectTeammateCommand' -PassThru
        $record.Exception.Message | Should -BeLike '*FullAccess*LimitedAccess*ReadOnly*Restricted*'
        Get-ConnectTeammate 'second-owner@example.com' -Connection $Owner -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'Remove-ConnectTeammate -WhatIf removes nothing' {
        Remove-ConnectTeammate $Email -WhatIf -Connection $Owner
        Get-ConnectTeammate $Email -Connection $Owner | Should -Not -BeNullOrEmpty
    }
}
