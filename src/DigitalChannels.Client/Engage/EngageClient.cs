using System;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Engage.Attachments;
using DigitalChannels.Client.Engage.Blocklist;
using DigitalChannels.Client.Engage.Templates;
using DigitalChannels.Client.Engage.Transcripts;
using DigitalChannels.Client.Engage.WorkingHours;
using DigitalChannels.Client.Http;

namespace DigitalChannels.Client.Engage
{
    /// <summary>
    /// Engage administration over the sandbox's Engage API (<c>/engage/v1/organization/{orgId}/…</c>), one client per
    /// part of the Engage portal. Engage has no public API for any of it (platform facts §3.1–3.2): against a live
    /// tenant every call stops with <see cref="NoPublicApiException"/> naming the Engage page to use.
    /// </summary>
    public sealed class EngageClient
    {
        private readonly DigitalChannelsConnection _connection;

        internal EngageClient(DigitalChannelsConnection connection)
        {
            _connection = connection;
            Attachments = new AttachmentSettingsClient(this);
            Templates = new TemplatesClient(this);
            Blocklist = new BlocklistClient(this);
            WorkingHours = new WorkingHoursClient(this);
            Transcripts = new TranscriptsClient(this);
            Users = new Users.EngageUsersClient(this);
            ChannelAssets = new ChannelAssets.ChannelAssetsClient(this);
        }

        /// <summary>Admin → Users: the Contact Center administrators and agents replicated into Engage.</summary>
        public Users.EngageUsersClient Users { get; }

        /// <summary>Admin → Assets → Channel Assets: Connect's assets and their chat widgets.</summary>
        public ChannelAssets.ChannelAssetsClient ChannelAssets { get; }

        /// <summary>Admin → Settings: the attachment switch, per-channel limits and the attachment check.</summary>
        public AttachmentSettingsClient Attachments { get; }

        /// <summary>Admin → Assets → Templates (also Customer Care → Settings → Manage → Template).</summary>
        public TemplatesClient Templates { get; }

        /// <summary>Customer Care → Settings → Manage → Blocklist.</summary>
        public BlocklistClient Blocklist { get; }

        /// <summary>Customer Care → Settings → Configure → Working Hours.</summary>
        public WorkingHoursClient WorkingHours { get; }

        /// <summary>Customer Care → Dashboard: transcripts by conversation ID.</summary>
        public TranscriptsClient Transcripts { get; }

        internal WebexHttpPipeline Http => _connection.Pipeline;

        internal string OrganizationId => _connection.OrganizationId;

        /// <summary>
        /// <c>…/engage/v1/organization/{orgId}/</c> + <paramref name="relative"/> on a sandbox; on a live tenant the
        /// NoPublicApiException that names <paramref name="portalPage"/>.
        /// </summary>
        internal Uri Organization(string relative, string operation, string portalPage)
        {
            var environment = _connection.Environment;
            if (!environment.IsSandbox) throw new NoPublicApiException(operation, portalPage);
            // ContactCenterBaseUri is the sandbox's root, ending in "/".
            var root = new Uri(environment.ContactCenterBaseUri, "engage/v1/organization/" + Uri.EscapeDataString(OrganizationId) + "/");
            return new Uri(root, relative);
        }

        /// <summary>A sandbox management route (<c>/sandbox/v1/organization/{orgId}/…</c>); there is none on a live tenant.</summary>
        internal Uri SandboxOrganization(string relative, string operation, string portalPage)
        {
            var environment = _connection.Environment;
            if (!environment.IsSandbox) throw new NoPublicApiException(operation, portalPage);
            return new Uri(new Uri(environment.ContactCenterBaseUri, "sandbox/v1/organization/" + Uri.EscapeDataString(OrganizationId) + "/"), relative);
        }
    }

    /// <summary>The Engage portal pages, named in NoPublicApi errors.</summary>
    public static class EngagePortalPages
    {
        public const string Attachments = "Engage → Admin → Settings → Attachments";
        public const string Templates = "Engage → Admin → Assets → Templates";
        public const string CustomerCareTemplates = "Engage → Customer Care → Settings → Manage → Template";
        public const string Blocklist = "Engage → Customer Care → Settings → Manage → Blocklist";
        public const string WorkingHours = "Engage → Customer Care → Settings → Configure → Working Hours";
        public const string Users = "Engage → Admin → Users";
        public const string ChannelAssets = "Engage → Admin → Assets → Channel Assets";
        public const string Transcripts = "Engage → Customer Care → Dashboard (search by conversation ID, then download)";
    }
}
