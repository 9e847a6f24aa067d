# The lab guide's own values for Webex Contact Center "Digital Channels", labs 12.1-12.5
# (../shared/seeds: "Lab 12 - Digital Channels"). {Pod} is replaced by each pod's id.
#
#   Invoke-DigitalChannelsLab -Definition (Get-DigitalChannelsLabDefinition) -FlowPath <folder of the v2.1 .workflow files>
#
# The flows are Cisco's, from https://github.com/CiscoDevNet/webexcc-digital-channels ("Webex Connect Flows" > v2.1):
# download and unzip them, then give their folder with -FlowPath (or set Connect.FlowsFolder below).
@{
    SchemaVersion = 1
    Name          = 'Lab 12 - Digital Channels'

    # Lab 12.1 "2. Webex Connect Provisioning"
    Provisioning = @{
        DigitalChannel = 'IMI Digital'
        Owner          = 'cl1admin{Pod}@email.carehybrid.com'
        OwnerName      = 'Pod {Pod} Owner'
    }

    Connect = @{
        # Lab 12.2 "1. Services" (a service of your choice) and lab 12.5 step 2 (the agnostic flows' service).
        Services = @(
            @{
                Name        = 'Pod {Pod} Service'
                Description = 'Lab 12.2: a service of my own'
            }
            @{
                Name        = 'Agnostic Flows DO NOT MODIFY'
                Description = 'Channel-agnostic (CA) flows: Task Routed, Task Modified, Task Close'
                # Flow Builder overview: lock the service once the flows are added.
                Locked      = $true
                Flows       = @(
                    @{ Name = 'Task Close Flow';    File = 'Task Close Flow.workflow' }
                    @{ Name = 'Task Routed Flow';   File = 'Task Routed Flow.workflow' }
                    @{ Name = 'Task Modified Flow'; File = 'Task Modified Flow.workflow' }
                )
            }
        )

        # Lab 12.4 "4. Add new users with administrator role" and "5. New user activation".
        Teammates = @(
            @{
                Email       = 'cl1fulladmin{Pod}@email.carehybrid.com'
                Name        = 'Pod {Pod} Administrator'
                Role        = 'FullAccess'
                DecryptLogs = $true
            }
        )

        # Lab 12.5 step 1 "Node Authorization for Webex CC Task and Engage nodes".
        NodeAuthorizations = @(
            @{ Integration = 'Webex CC Engage'; Name = 'WxCC Engage Authorisation' }
            @{ Integration = 'Webex CC Task';   Name = 'WxCC Authorisation'; Account = 'cl1admin{Pod}@email.carehybrid.com' }
        )

        # Lab 12.2 "8. Settings": verify the configured Time Zone and Date Format (Settings > Tenant Settings). The guide
        # names no values: these are a new tenant's, so the check passes on a pod nobody changed.
        TenantSettings = @{ TimeZone = 'UTC'; DateFormat = 'YYYY-MM-DD HH:mm:ss' }
    }

    # Lab 12.5 steps 3 and 4.
    ContactCenter = @{
        MultimediaProfiles = @(
            @{ Name = 'MMP'; BlendingMode = 'Blended'; Telephony = 1; Chat = 3; Email = 3; Social = 3 }
        )
        Sites = @(
            @{ Name = 'Site'; MultimediaProfile = 'MMP' }
        )
        Teams = @(
            @{ Name = 'Team1'; Site = 'Site'; Type = 'AgentBased'; MultimediaProfile = 'MMP'; DesktopLayout = 'Global Layout' }
            @{ Name = 'Team2'; Site = 'Site'; Type = 'AgentBased'; MultimediaProfile = 'MMP'; DesktopLayout = 'Global Layout' }
        )
        Users = @(
            @{
                Email                = 'cl1agent{Pod}@email.carehybrid.com'
                FirstName            = 'Agent'
                LastName             = 'Pod {Pod}'
                UserProfile          = 'Premium Agent User Profile'
                ContactCenterEnabled = $true
                Site                 = 'Site'
                Teams                = 'Team1', 'Team2'
                DesktopProfile       = 'Agent Profile'
                MultimediaProfile    = 'MMP'
                # Lab 12.1 "3. Webex Connect Provisioning verification": replicated to Engage as Customer Care.
                EngageRoleType       = 'Customer Care'
            }
            @{
                Email                = 'cl1sup{Pod}@email.carehybrid.com'
                FirstName            = 'Supervisor'
                LastName             = 'Pod {Pod}'
                UserProfile          = 'Premium Agent User Profile'
                ContactCenterEnabled = $true
                Site                 = 'Site'
                Teams                = 'Team1', 'Team2'
                DesktopProfile       = 'Agent Profile'
                MultimediaProfile    = 'MMP'
                EngageRoleType       = 'Customer Care'
            }
        )
        # Lab 12.5 step 4 "Setup RONA timers" (seconds).
        RonaTimeouts = @{ Telephony = 18; Chat = 60; Email = 90; Social = 60 }
    }

    # Lab 12.3 "3. Settings": attachments stay allowed (text-based files only, as Engage enforces).
    Engage = @{
        AttachmentsEnabled = $true
    }
}
