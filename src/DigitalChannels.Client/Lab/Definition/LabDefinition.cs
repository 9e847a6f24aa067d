using System.Collections.Generic;

namespace DigitalChannels.Client.Lab.Definition
{
    /// <summary>
    /// The desired state of labs 12.1–12.5 for one pod, read from a .psd1 or JSON file by <see cref="LabDefinitionReader"/>.
    /// Values may hold <c>{Pod}</c>, replaced by the pod's id when the definition is applied to a pod
    /// (<see cref="LabDefinitionReader.ForPod"/>). A section left out is not managed: its steps are neither applied nor checked.
    /// </summary>
    public sealed class LabDefinition
    {
        public const int CurrentSchemaVersion = 1;
        public const string PodPlaceholder = "{Pod}";

        /// <summary>Where the definition was read from (a path, or "(hashtable)"); error messages name it.</summary>
        public string Source { get; set; }

        public int SchemaVersion { get; set; } = CurrentSchemaVersion;
        public string Name { get; set; }

        /// <summary>The pod id the placeholders were replaced with; null for the raw definition.</summary>
        public string Pod { get; set; }

        /// <summary>Lab 12.1: Digital Channels provisioning and its Owner.</summary>
        public ProvisioningDefinition Provisioning { get; set; }

        /// <summary>Labs 12.2, 12.4 and 12.5 steps 1–2.</summary>
        public ConnectDefinition Connect { get; set; }

        /// <summary>Lab 12.5 steps 3–4.</summary>
        public ContactCenterDefinition ContactCenter { get; set; }

        /// <summary>Lab 12.3 (and the user replication check of 12.1).</summary>
        public EngageDefinition Engage { get; set; }

        public override string ToString() => Pod == null ? Name : $"{Name} (pod {Pod})";
    }

    public sealed class ProvisioningDefinition
    {
        /// <summary>Control Hub → Contact Center → Settings → General → Service Details → Digital Channel must read this.</summary>
        public string DigitalChannel { get; set; } = "IMI Digital";

        /// <summary>The administrator who becomes the Owner of the Webex Connect tenant.</summary>
        public string Owner { get; set; }

        /// <summary>The name the Owner gives when activating (sandbox only: the engine follows the JOIN THE TEAM link).</summary>
        public string OwnerName { get; set; } = "Connect Owner";
    }

    public sealed class ConnectDefinition
    {
        /// <summary>Folder of the .workflow files (relative to the definition file); the -FlowPath of a run overrides it.</summary>
        public string FlowsFolder { get; set; }

        public List<ConnectServiceDefinition> Services { get; set; } = new List<ConnectServiceDefinition>();
        public List<ConnectTeammateDefinition> Teammates { get; set; } = new List<ConnectTeammateDefinition>();
        public List<NodeAuthorizationDefinition> NodeAuthorizations { get; set; } = new List<NodeAuthorizationDefinition>();

        /// <summary>Lab 12.2 "8. Settings": the Tenant Settings to verify; null is not managed.</summary>
        public TenantSettingsDefinition TenantSettings { get; set; }
    }

    /// <summary>Settings > Tenant Settings; a value left out is left as it is.</summary>
    public sealed class TenantSettingsDefinition
    {
        /// <summary>An IANA time zone id (Europe/London) or UTC: the form the portal stores, so that it compares as it is.</summary>
        public string TimeZone { get; set; }

        /// <summary>One of <see cref="Connect.Settings.ConnectTenantSettingValues.DateFormats"/>.</summary>
        public string DateFormat { get; set; }
    }

    public sealed class ConnectServiceDefinition
    {
        public string Name { get; set; }
        public string Description { get; set; }

        /// <summary>Service Locking (Settings tab); null leaves it as it is.</summary>
        public bool? Locked { get; set; }

        /// <summary>Flows uploaded from files, saved and made live.</summary>
        public List<ConnectFlowDefinition> Flows { get; set; } = new List<ConnectFlowDefinition>();
    }

    public sealed class ConnectFlowDefinition
    {
        public string Name { get; set; }

        /// <summary>The .workflow (or .zip) file as written in the definition.</summary>
        public string File { get; set; }

        /// <summary>The file's full path, resolved when the definition is read.</summary>
        public string FilePath { get; set; }

        /// <summary>The trigger kind (TaskRouted, LiveChat, …); null infers it from the file or flow name.</summary>
        public Connect.Flows.ConnectFlowKind? Kind { get; set; }

        /// <summary>The asset that triggers a channel flow, by name; null for channel-agnostic flows.</summary>
        public string Asset { get; set; }
    }

    public sealed class ConnectTeammateDefinition
    {
        public string Email { get; set; }
        public string Name { get; set; } = "Lab Administrator";
        public Connect.Teammates.ConnectTeammateRole Role { get; set; } = Connect.Teammates.ConnectTeammateRole.FullAccess;
        public bool DecryptLogs { get; set; }
    }

    public sealed class NodeAuthorizationDefinition
    {
        /// <summary>The integration's name: "Webex CC Task" or "Webex CC Engage".</summary>
        public string Integration { get; set; }

        /// <summary>The authorization's name, e.g. "WxCC Authorisation".</summary>
        public string Name { get; set; }

        /// <summary>The account that signs in (Webex CC Task asks for the admin's email); optional.</summary>
        public string Account { get; set; }
    }

    public sealed class ContactCenterDefinition
    {
        public List<MultimediaProfileDefinition> MultimediaProfiles { get; set; } = new List<MultimediaProfileDefinition>();
        public List<SiteDefinition> Sites { get; set; } = new List<SiteDefinition>();
        public List<TeamDefinition> Teams { get; set; } = new List<TeamDefinition>();
        public List<ContactCenterUserDefinition> Users { get; set; } = new List<ContactCenterUserDefinition>();
        public RonaTimeoutsDefinition RonaTimeouts { get; set; }
    }

    public sealed class MultimediaProfileDefinition
    {
        public string Name { get; set; }
        public ContactCenter.BlendingMode BlendingMode { get; set; } = ContactCenter.BlendingMode.Blended;
        public int Telephony { get; set; }
        public int Chat { get; set; }
        public int Email { get; set; }
        public int Social { get; set; }
    }

    public sealed class SiteDefinition
    {
        public string Name { get; set; }
        public string MultimediaProfile { get; set; }
    }

    public sealed class TeamDefinition
    {
        public string Name { get; set; }
        public string Site { get; set; }
        public ContactCenter.TeamType Type { get; set; } = ContactCenter.TeamType.AgentBased;
        public string MultimediaProfile { get; set; }
        public string DesktopLayout { get; set; } = ContactCenter.TeamSettings.DefaultDesktopLayout;
    }

    public sealed class ContactCenterUserDefinition
    {
        public string Email { get; set; }
        public string FirstName { get; set; }
        public string LastName { get; set; }

        /// <summary>The Webex licence the person holds (the lab's users are pre-configured with it).</summary>
        public string License { get; set; } = People.ContactCenterLicenses.PremiumAgent;

        public string UserProfile { get; set; }
        public bool ContactCenterEnabled { get; set; } = true;
        public string Site { get; set; }
        public List<string> Teams { get; set; } = new List<string>();
        public string DesktopProfile { get; set; }
        public string MultimediaProfile { get; set; }

        /// <summary>What Engage must list for the user (lab 12.1 verification): "Customer Care", "Administrative" or null.</summary>
        public string EngageRoleType { get; set; }
    }

    public sealed class RonaTimeoutsDefinition
    {
        public int? Telephony { get; set; }
        public int? Chat { get; set; }
        public int? Email { get; set; }
        public int? Social { get; set; }
    }

    public sealed class EngageDefinition
    {
        /// <summary>Settings → Enable Attachment; null leaves it as it is.</summary>
        public bool? AttachmentsEnabled { get; set; }

        public List<EngageTemplateDefinition> Templates { get; set; } = new List<EngageTemplateDefinition>();
        public List<string> BlockedWords { get; set; } = new List<string>();
    }

    public sealed class EngageTemplateDefinition
    {
        public string Name { get; set; }
        public List<string> Channels { get; set; } = new List<string>();
        public string Text { get; set; }
        public string Category { get; set; }
    }
}
