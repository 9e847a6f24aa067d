#
# Module manifest template for DigitalChannels.
# The build (module/DigitalChannels.Module.targets, after dotnet publish) writes out/DigitalChannels/DigitalChannels.psd1
# with the ModuleVersion and Prerelease tokens replaced from VersionPrefix and VersionSuffix in Directory.Build.props,
# the one version source. Do not put a version number here.
#
@{
    RootModule = 'DigitalChannels.PowerShell.dll'

    ModuleVersion = '{{ModuleVersion}}'

    GUID = '3202bd0b-fa62-4209-ac1a-c0cf5db534c1'

    Author = 'DigitalChannels contributors'

    CompanyName = 'DigitalChannels'

    Copyright = '(c) DigitalChannels contributors. MIT License.'

    Description = 'Administration of Webex Contact Center Digital Channels (Webex Connect services and more) from PowerShell: one connection per session, pipeline-friendly cmdlets with -WhatIf and -Confirm, and a local sandbox server for offline use.'

    CompatiblePSEditions = @('Desktop', 'Core')

    PowerShellVersion = '5.1'

    DotNetFrameworkVersion = '4.7.2'

    FormatsToProcess = @('DigitalChannels.format.ps1xml')

    # Explicit lists, never '*': PowerShell finds the commands without analysing the module (powershell-practices 1.4).
    CmdletsToExport = @(
        'Connect-DigitalChannels'
        'Disconnect-DigitalChannels'
        'Get-DigitalChannelsConnection'
        'Select-DigitalChannelsConnection'
        'New-ConnectService'
        'Get-ConnectService'
        'Set-ConnectService'
        'Remove-ConnectService'
        'New-WxccMultimediaProfile'
        'Get-WxccMultimediaProfile'
        'Set-WxccMultimediaProfile'
        'Remove-WxccMultimediaProfile'
        'New-WxccSite'
        'Get-WxccSite'
        'Set-WxccSite'
        'Remove-WxccSite'
        'New-WxccTeam'
        'Get-WxccTeam'
        'Set-WxccTeam'
        'Remove-WxccTeam'
        'New-WxccDesktopProfile'
        'Get-WxccDesktopProfile'
        'Set-WxccDesktopProfile'
        'Remove-WxccDesktopProfile'
        'Get-WxccUser'
        'Set-WxccUser'
        'Sync-WxccUser'
        'Get-WxccRonaTimeout'
        'Set-WxccRonaTimeout'
        'Get-ConnectTeammate'
        'New-ConnectTeammate'
        'Set-ConnectTeammate'
        'Remove-ConnectTeammate'
        'Grant-DecryptLogs'
        'Revoke-DecryptLogs'
        'Complete-ConnectTeammateInvitation'
        'Get-ConnectGroup'
        'New-ConnectGroup'
        'Remove-ConnectGroup'
        'Get-ConnectTeam'
        'New-ConnectTeam'
        'Remove-ConnectTeam'
        'Get-DigitalChannelsSandboxMail'
        'New-ConnectFlow'
        'Import-ConnectFlow'
        'Get-ConnectFlow'
        'Save-ConnectFlow'
        'Publish-ConnectFlow'
        'Wait-ConnectFlow'
        'Remove-ConnectFlow'
        'Get-ConnectRule'
        'Set-ConnectRule'
        'Get-ConnectIntegration'
        'Add-ConnectNodeAuthorization'
        'Get-ConnectAsset'
        'New-ConnectApp'
        'Set-ConnectApp'
        'Remove-ConnectApp'
        'Get-ConnectTemplate'
        'New-ConnectTemplate'
        'Set-ConnectTemplate'
        'Remove-ConnectTemplate'
        'Get-ConnectTenantSetting'
        'Set-ConnectTenantSetting'
        'Get-ConnectProfile'
        'Set-ConnectProfile'
        'Send-DigitalChannelsSandboxMessage'
        'Get-ConnectDebugLog'
        'Get-ConnectReport'
        'Get-ConnectUsage'
        'Get-EngageAttachmentSetting'
        'Set-EngageAttachmentSetting'
        'Test-EngageAttachment'
        'Get-EngageTemplate'
        'New-EngageTemplate'
        'Set-EngageTemplate'
        'Remove-EngageTemplate'
        'Get-EngageBlockedWord'
        'Add-EngageBlockedWord'
        'Remove-EngageBlockedWord'
        'Get-EngageWorkingHours'
        'New-EngageWorkingHours'
        'Set-EngageWorkingHours'
        'Remove-EngageWorkingHours'
        'Get-EngageTranscript'
        'New-DigitalChannelsSandboxTenant'
        'Start-DigitalChannelsProvisioning'
        'Get-DigitalChannelsProvisioning'
        'Wait-DigitalChannelsProvisioning'
        'Get-EngageUser'
        'Sync-EngageUser'
        'Get-EngageChannelAsset'
        'Set-EngageChannelAsset'
        'Compare-DigitalChannelsLab'
        'Export-DigitalChannelsLab'
        'Get-DigitalChannelsLabDefinition'
        'Invoke-DigitalChannelsLab'
        'New-DigitalChannelsLabPod'
        'Test-DigitalChannelsLab'
        'Start-ConnectLogExport'
        'Get-ConnectLogExport'
        'Wait-ConnectLogExport'
        'Save-ConnectLogExport'
        'New-ConnectScheduledEvent'
        'Get-ConnectScheduledEvent'
        'Set-ConnectScheduledEvent'
        'Remove-ConnectScheduledEvent'
    )

    FunctionsToExport = @()

    AliasesToExport = @()

    VariablesToExport = @()

    HelpInfoURI = 'https://github.com/digitalchannels/DigitalChannels/tree/main/docs'

    PrivateData = @{
        PSData = @{
            Tags = @('PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS', 'Webex', 'WebexConnect', 'ContactCenter')

            ProjectUri = 'https://github.com/digitalchannels/DigitalChannels'

            LicenseUri = 'https://github.com/digitalchannels/DigitalChannels/blob/main/README.md#license'

            ReleaseNotes = 'See https://github.com/digitalchannels/DigitalChannels/blob/main/CHANGELOG.md'

            Prerelease = '{{Prerelease}}'
        }
    }
}
