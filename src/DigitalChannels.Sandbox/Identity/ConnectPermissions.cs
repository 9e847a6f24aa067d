using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Identity;

/// <summary>An action that only some Connect roles may perform. <see cref="Action"/> completes "may not …" in error messages.</summary>
public sealed record ConnectPermission(string Action, IReadOnlySet<ConnectRole> AllowedRoles)
{
    public bool Allows(ConnectRole role) => AllowedRoles.Contains(role);
}

/// <summary>The role rules of platform facts §3.3, in one place.</summary>
public static class ConnectPermissions
{
    /// <summary>Read Only reads every page; Restricted sees only specific App Tray apps, so no configuration.</summary>
    public static readonly ConnectPermission ReadConfiguration = new("read the configuration",
        new HashSet<ConnectRole> { ConnectRole.Owner, ConnectRole.FullAccess, ConnectRole.LimitedAccess, ConnectRole.ReadOnly });

    public static readonly ConnectPermission ChangeConfiguration = new("change the configuration",
        new HashSet<ConnectRole> { ConnectRole.Owner, ConnectRole.FullAccess, ConnectRole.LimitedAccess });

    /// <summary>Limited Access cannot delete services, numbers or apps.</summary>
    public static readonly ConnectPermission DeleteServices = new("delete services",
        new HashSet<ConnectRole> { ConnectRole.Owner, ConnectRole.FullAccess });

    /// <summary>Limited Access cannot delete numbers or apps either (platform facts §3.3); numbers are read-only for everyone.</summary>
    public static readonly ConnectPermission DeleteAssets = new("delete assets",
        new HashSet<ConnectRole> { ConnectRole.Owner, ConnectRole.FullAccess });

    /// <summary>Service keys and JWTs are visible only to Owner, Full and Limited Access.</summary>
    public static readonly ConnectPermission ViewServiceCredentials = new("view service credentials",
        new HashSet<ConnectRole> { ConnectRole.Owner, ConnectRole.FullAccess, ConnectRole.LimitedAccess });

    /// <summary>The sandbox's own management API (creating test principals) is the tenant owner's.</summary>
    public static readonly ConnectPermission ManageSandbox = new("manage sandbox applications",
        new HashSet<ConnectRole> { ConnectRole.Owner });

    /// <summary>The Teammates page: every role that reads configuration may see who else is on the tenant.</summary>
    public static readonly ConnectPermission ReadTeammates = new("read teammates",
        new HashSet<ConnectRole> { ConnectRole.Owner, ConnectRole.FullAccess, ConnectRole.LimitedAccess, ConnectRole.ReadOnly });

    /// <summary>Full Access adds and removes users (not Owners: see the Owner rules); Limited Access cannot.</summary>
    public static readonly ConnectPermission ManageTeammates = new("add, change or remove teammates",
        new HashSet<ConnectRole> { ConnectRole.Owner, ConnectRole.FullAccess });

    /// <summary>Lab rule 28: only the Owner grants Decrypt Logs.</summary>
    public static readonly ConnectPermission GrantDecryptLogs = new("grant or revoke Decrypt Logs (only the tenant Owner can)",
        new HashSet<ConnectRole> { ConnectRole.Owner });

    /// <summary>Groups/Teams is an owner-only feature (platform facts §3.3).</summary>
    public static readonly ConnectPermission ManageGroupsAndTeams = new("manage Groups and Teams (only the tenant Owner can)",
        new HashSet<ConnectRole> { ConnectRole.Owner });

    /// <summary>Tenant Settings: "only account owners can make changes" (help.webexconnect.io; platform facts §3.3).</summary>
    public static readonly ConnectPermission ChangeTenantSettings = new("change the tenant settings (only the tenant Owner can)",
        new HashSet<ConnectRole> { ConnectRole.Owner });

    /// <summary>Profile Settings: every teammate reads and changes its own profile, whatever its role.</summary>
    public static readonly ConnectPermission ManageOwnProfile = new("manage its own profile",
        new HashSet<ConnectRole> { ConnectRole.Owner, ConnectRole.FullAccess, ConnectRole.LimitedAccess, ConnectRole.ReadOnly, ConnectRole.Restricted });
    /// <summary>Debug, Reports and Usage: Read Only reads every page; Restricted sees only App Tray apps. Message text needs Decrypt Logs.</summary>
    public static readonly ConnectPermission ReadTraffic = new("read debug logs, reports and usage",
        new HashSet<ConnectRole> { ConnectRole.Owner, ConnectRole.FullAccess, ConnectRole.LimitedAccess, ConnectRole.ReadOnly });

    /// <summary>
    /// Tools > Export Logs: a download of the log that Debug shows, so the same roles as <see cref="ReadTraffic"/>; only
    /// the action named in a refusal differs. Scheduling exports is the Owner's, and the sandbox does not offer it (§3.3).
    /// </summary>
    public static readonly ConnectPermission ExportLogs = new("export logs (Tools > Export Logs)", ReadTraffic.AllowedRoles);
}
