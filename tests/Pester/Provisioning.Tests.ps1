#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Lab 12.1 with the BUILT module against a real sandbox whose provisioning takes one second: the operator creates a
    tenant, its administrator provisions Digital Channels with itself as Owner, activates through the JOIN THE TEAM
    link, and Engage then lists the agent as Customer Care but not the signed-in administrator. Tests run in order.
#>

Describe 'Digital Channels provisioning and Engage users against the sandbox' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory -ExtraArguments '--provisioning-seconds', '1'
        $script:Operator = Connect-DigitalChannels -ConnectionFile $DataDirectory -Scope 'sandbox:admin' -ReturnConnection -ErrorAction Stop
        $script:File = Get-Content -Raw (Join-Path $DataDirectory 'connection.json') | ConvertFrom-Json
    }

    AfterAll {
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'New-DigitalChannelsSandboxTenant creates a tenant that is not provisioned' {
        $script:Tenant = New-DigitalChannelsSandboxTenant -Name 'Pod 1' -AdministratorEmail 'admin1@pod.example' -AdministratorName 'Pod Admin' -Connection $Operator -Confirm:$false
        $Tenant.DigitalChannelsProvisioning | Should -Be 'NotProvisioned'
        $secret = ConvertTo-SecureString $Tenant.ClientSecret -AsPlainText -Force
        $script:Admin = Connect-DigitalChannels -SandboxUrl $File.baseUrl -ClientId $Tenant.ClientId -ClientSecret $secret `
            -Scope 'cjp:config_read', 'cjp:config_write', 'spark-admin:people_read', 'spark-admin:people_write', 'engage:config_read', 'engage:config_write', 'connect:config_read', 'connect:config_write', 'sandbox:admin' `
            -ReturnConnection -ErrorAction Stop
        (Get-DigitalChannelsProvisioning -Connection $Admin).DigitalChannel | Should -Be 'IMI Digital'
    }

    It 'Engage refuses the tenant before provisioning, naming what to run' {
        { Get-EngageUser -Connection $Admin -ErrorAction Stop } | Should -Throw -ExpectedMessage '*run Start-DigitalChannelsProvisioning*'
    }

    It 'Start-DigitalChannelsProvisioning -Wait ends with the activation mail sent' {
        $state = Start-DigitalChannelsProvisioning -Owner 'admin1@pod.example' -Wait -Connection $Admin -Confirm:$false
        $state.State | Should -Be 'AwaitingActivation'
        $script:Mail = Get-DigitalChannelsSandboxMail -Kind DigitalChannelsActivation -Newest -Connection $Admin
        $Mail.Subject | Should -BeLike '*JOIN THE TEAM*'
        ($Mail.ExpiresTime - $state.ActivationSentTime).TotalHours | Should -Be 24
    }

    It 'Complete-ConnectTeammateInvitation activates the Owner and provisioning is done' {
        $password = ConvertTo-SecureString 'Activate2026' -AsPlainText -Force
        $owner = $Mail | Complete-ConnectTeammateInvitation -Name 'Pod Owner' -Password $password -Connection $Admin -Confirm:$false
        $owner.Role | Should -Be 'Owner'
        (Get-DigitalChannelsProvisioning -Connection $Admin).State | Should -Be 'Provisioned'
    }

    It 'Get-EngageUser does not list the signed-in administrator' {
        Sync-EngageUser -Connection $Admin -Confirm:$false | Out-Null
        (Get-EngageUser -Connection $Admin).Email | Should -Not -Contain 'admin1@pod.example'
    }
}
