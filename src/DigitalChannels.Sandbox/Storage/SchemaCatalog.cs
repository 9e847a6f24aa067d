using DigitalChannels.Sandbox.Connect;
using DigitalChannels.Sandbox.Connect.Flows;
using DigitalChannels.Sandbox.Connect.Teammates;
using DigitalChannels.Sandbox.Engage;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Mail;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Storage;

/// <summary>
/// Every schema step in the order it is applied. A new area adds its tables by appending its migration here
/// with the next version number; existing databases then pick it up on their next start.
/// </summary>
public static class SchemaCatalog
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        TenancySchema.Organizations,
        IdentitySchema.ServiceApplicationsAndSigningKeys,
        ConnectSchema.Services,
        OutboxSchema.Outbox,
        FlowsSchema.ConnectFlows,                       // 5: flows, versions, rules, assets, integrations
        TeammatesSchema.ConnectTeammates,               // 6: teammates, invitations, decrypt logs, groups/teams
        ContactCenter.ContactCenterSchema.ContactCenter, // 7: Contact Center configuration, people and licences, Control Hub settings
        EngageSchema.Settings,                          // 8: Engage settings, templates, blocklist, working hours, conversations
        Provisioning.ProvisioningSchema.DigitalChannels, // 9: Digital Channel setting, provisioning, Engage users, chat widgets
        SignInSchema.SignIn,                            // 10: authorization codes, refresh tokens, device codes, sign-in sessions
        ServiceAppSchema.Authorizations,                // 11: service apps authorized per organization (machine accounts)
        PortalSchema.TemplatesAndSettings,              // 12: Connect templates, tenant settings, profile settings
        Connect.Traffic.TrafficSchema.Traffic,          // 13: simulated traffic (debug, reports, usage, export logs)
        Connect.LogExports.ToolsSchema.LogExportsAndScheduledEvents, // 14: Export Logs jobs, Event Scheduler events
    ];
}
