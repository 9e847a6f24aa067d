using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Engage;

/// <summary>
/// Who may do what in Engage. The sandbox's principals carry Connect roles (Engage's own Administrative and Customer
/// Care roles come with the Engage users, a later step), so the Connect rules of platform facts §3.3 apply: every
/// role but Restricted reads; Owner, Full Access and Limited Access change settings.
/// </summary>
public static class EngagePermissions
{
    public static readonly ConnectPermission ReadSettings = new("read the Engage settings",
        new HashSet<ConnectRole> { ConnectRole.Owner, ConnectRole.FullAccess, ConnectRole.LimitedAccess, ConnectRole.ReadOnly });

    public static readonly ConnectPermission ChangeSettings = new("change the Engage settings",
        new HashSet<ConnectRole> { ConnectRole.Owner, ConnectRole.FullAccess, ConnectRole.LimitedAccess });

    /// <summary>Transcripts hold what customers wrote: readable by the roles that read every page.</summary>
    public static readonly ConnectPermission ReadTranscripts = new("read conversation transcripts",
        new HashSet<ConnectRole> { ConnectRole.Owner, ConnectRole.FullAccess, ConnectRole.LimitedAccess, ConnectRole.ReadOnly });
}
