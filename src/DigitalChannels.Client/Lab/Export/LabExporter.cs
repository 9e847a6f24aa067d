using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.Client.Lab.Definition;
using DigitalChannels.Client.Lab.Steps;
using DigitalChannels.Client.Provisioning;

namespace DigitalChannels.Client.Lab.Export
{
    /// <summary>A flow read from the tenant: the file name the definition gives it and the payload to write there.</summary>
    public sealed class ExportedFlow
    {
        public string FileName { get; set; }

        /// <summary>Hex digits, exactly as uploaded (the .workflow file's content).</summary>
        public string Payload { get; set; }
    }

    /// <summary>What Export-DigitalChannelsLab wrote: the definition file and its flow files.</summary>
    public sealed class LabExportFile
    {
        public string Path { get; set; }

        /// <summary>psd1 or json.</summary>
        public string Format { get; set; }

        /// <summary>The pod id written as {Pod}; null when values were written as they are.</summary>
        public string PodId { get; set; }

        public List<string> FlowFiles { get; set; } = new List<string>();

        public override string ToString() => Path;
    }

    /// <summary>A tenant read into a lab definition, and the flow payloads its flow entries name.</summary>
    public sealed class LabExport
    {
        public LabDefinition Definition { get; set; }
        public List<ExportedFlow> Flows { get; set; } = new List<ExportedFlow>();
    }

    /// <summary>
    /// Reads a connected tenant into a <see cref="LabDefinition"/> (Export-DigitalChannelsLab; Compare-DigitalChannelsLab
    /// -ReferencePod): everything the definition schema covers, with the same typed clients the lab steps use. Lists are in
    /// name order so that two exports of equal tenants are equal. Secrets (service secrets, client secrets, passwords) are
    /// never read. With a pod id, every value that carries it gets <c>{Pod}</c> instead, so the export applies to any pod.
    /// </summary>
    public static class LabExporter
    {
        public const string DefaultName = "Exported lab";
        public const string FlowsFolderName = "flows";

        private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

        public static async Task<LabExport> ReadAsync(DigitalChannelsConnection connection, string podId, string name, CancellationToken ct)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (podId != null) LabDefinitionReader.CheckPodId(podId);
            var export = new LabExport();
            var definition = new LabDefinition { Name = name ?? DefaultName, Source = "(export)" };
            export.Definition = definition;

            var provisioning = await connection.Provisioning.GetAsync(ct).ConfigureAwait(false);
            var provisioned = provisioning.State != DigitalChannelsProvisioning.NotProvisioned;
            definition.ContactCenter = await ReadContactCenterAsync(connection, provisioned, ct).ConfigureAwait(false);
            if (provisioned)
            {
                var teammates = await connection.ConnectTeammates.ListAsync(ct).ToListAsync(ct).ConfigureAwait(false);
                var owner = teammates.FirstOrDefault(t => Names.Equals(t.Email, provisioning.OwnerEmail));
                definition.Provisioning = new ProvisioningDefinition
                {
                    DigitalChannel = provisioning.DigitalChannel, Owner = provisioning.OwnerEmail, OwnerName = owner?.Name ?? "Connect Owner",
                };
                definition.Connect = await ReadConnectAsync(connection, teammates, owner, export.Flows, ct).ConfigureAwait(false);
                definition.Engage = await ReadEngageAsync(connection, ct).ConfigureAwait(false);
            }
            if (podId != null) ReplacePod(export, podId);
            NameFlowFiles(export);
            return export;
        }

        private static async Task<ConnectDefinition> ReadConnectAsync(DigitalChannelsConnection connection, List<Connect.Teammates.ConnectTeammate> teammates,
            Connect.Teammates.ConnectTeammate owner, List<ExportedFlow> files, CancellationToken ct)
        {
            var connect = new ConnectDefinition { FlowsFolder = FlowsFolderName };
            foreach (var service in (await connection.ConnectServices.ListAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false)).OrderBy(s => s.Name, Names))
            {
                var wanted = new ConnectServiceDefinition { Name = service.Name, Description = service.Description, Locked = service.Locked };
                var rules = await connection.ConnectFlows.ListRulesAsync(service.Id, ct).ConfigureAwait(false);
                foreach (var flow in (await connection.ConnectFlows.ListAsync(service.Id, null, ct).ToListAsync(ct).ConfigureAwait(false)).OrderBy(f => f.Name, Names))
                {
                    // The version that handles messages is what the lab makes live; a flow never made live exports its latest.
                    var version = flow.LiveVersion ?? flow.Version;
                    var payload = await connection.ConnectFlows.GetPayloadAsync(service.Id, flow.Id, version, ct).ConfigureAwait(false);
                    var rule = rules.FirstOrDefault(r => r.FlowId == flow.Id);
                    wanted.Flows.Add(new ConnectFlowDefinition
                    {
                        Name = flow.Name,
                        Kind = EnumWords.TryParse<ConnectFlowKind>(flow.Kind, out var kind) ? kind : (ConnectFlowKind?)null,
                        Asset = rule?.AssetName,
                    });
                    files.Add(new ExportedFlow { Payload = payload.Payload });
                }
                connect.Services.Add(wanted);
            }
            // Owner is not a teammate the lab invites: Provisioning names it.
            connect.Teammates = teammates.Where(t => t != owner && t.Role != Connect.Teammates.ConnectTeammateRole.Owner).OrderBy(t => t.Email, Names)
                .Select(t => new ConnectTeammateDefinition { Email = t.Email, Name = t.Name ?? "Lab Administrator", Role = t.Role, DecryptLogs = t.DecryptLogs }).ToList();
            foreach (var integration in (await connection.ConnectIntegrations.ListAsync(ct).ConfigureAwait(false)).OrderBy(i => i.Name, Names))
            {
                var authorization = integration.Authorizations.OrderByDescending(a => a.IsDefault).ThenBy(a => a.Name, Names).FirstOrDefault();
                if (authorization != null && LabDefinitionReader.Integrations.Contains(integration.Name, Names))
                    connect.NodeAuthorizations.Add(new NodeAuthorizationDefinition { Integration = integration.Name, Name = authorization.Name, Account = authorization.Account });
            }
            var settings = await connection.ConnectSettings.GetTenantSettingAsync(ct).ConfigureAwait(false);
            connect.TenantSettings = new TenantSettingsDefinition { TimeZone = settings.TimeZone, DateFormat = settings.DateFormat };
            return connect;
        }

        private static async Task<ContactCenterDefinition> ReadContactCenterAsync(DigitalChannelsConnection connection, bool provisioned, CancellationToken ct)
        {
            var cc = connection.ContactCenter;
            var profiles = await cc.MultimediaProfiles.ListAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false);
            var sites = await cc.Sites.ListAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false);
            var teams = await cc.Teams.ListAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false);
            var layouts = await cc.DesktopLayouts.ListAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false);
            var desktopProfiles = await cc.DesktopProfiles.ListAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false);
            var userProfiles = await cc.UserProfiles.ListAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false);
            var users = await cc.Users.ListAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false);
            string NameOf<T>(List<T> items, string id) where T : NamedContactCenterObject => id == null ? null : items.FirstOrDefault(i => i.Id == id)?.Name;

            var definition = new ContactCenterDefinition
            {
                MultimediaProfiles = profiles.OrderBy(p => p.Name, Names).Select(p => new MultimediaProfileDefinition
                {
                    Name = p.Name,
                    BlendingMode = EnumWords.TryParse<BlendingMode>(p.BlendingMode?.Replace("_", ""), out var mode) ? mode : BlendingMode.Blended,
                    Telephony = p.Telephony ?? 0, Chat = p.Chat ?? 0, Email = p.Email ?? 0, Social = p.Social ?? 0,
                }).ToList(),
                // A site or team without a multimedia profile cannot be written in the schema (it requires one): it is left out.
                Sites = sites.Where(s => NameOf(profiles, s.MultimediaProfileId) != null).OrderBy(s => s.Name, Names)
                    .Select(s => new SiteDefinition { Name = s.Name, MultimediaProfile = NameOf(profiles, s.MultimediaProfileId) }).ToList(),
            };
            var siteNames = new HashSet<string>(definition.Sites.Select(s => s.Name), Names);
            definition.Teams = teams.Where(t => siteNames.Contains(NameOf(sites, t.SiteId) ?? "")).OrderBy(t => t.Name, Names).Select(t => new TeamDefinition
            {
                Name = t.Name, Site = NameOf(sites, t.SiteId),
                Type = t.TeamType == "CAPACITY" ? TeamType.CapacityBased : TeamType.AgentBased,
                MultimediaProfile = t.TeamType == "CAPACITY" ? null : NameOf(profiles, t.MultiMediaProfileId),
                DesktopLayout = NameOf(layouts, t.DesktopLayoutId),
            }).ToList();
            var teamNames = new HashSet<string>(definition.Teams.Select(t => t.Name), Names);

            var engageUsers = provisioned ? await connection.Engage.Users.ListAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false) : new List<Engage.Users.EngageUser>();
            var licences = await connection.People.ListLicensesAsync(ct).ConfigureAwait(false);
            foreach (var user in users.Where(u => u.Email != null).OrderBy(u => u.Email, Names))
            {
                var person = await connection.People.FindByEmailAsync(user.Email, ct).ConfigureAwait(false);
                var licence = person?.Licenses?.Select(id => licences.FirstOrDefault(l => l.Id == id)?.Name)
                    .FirstOrDefault(n => n != null && n.StartsWith("Contact Center", StringComparison.OrdinalIgnoreCase));
                var site = NameOf(sites, user.SiteId);
                var profile = NameOf(profiles, user.MultimediaProfileId);
                definition.Users.Add(new ContactCenterUserDefinition
                {
                    Email = user.Email, FirstName = user.FirstName, LastName = user.LastName,
                    License = licence ?? People.ContactCenterLicenses.PremiumAgent,
                    UserProfile = NameOf(userProfiles, user.UserProfileId),
                    ContactCenterEnabled = user.ContactCenterEnabled == true,
                    Site = site != null && siteNames.Contains(site) ? site : null,
                    Teams = (user.TeamIds ?? new List<string>()).Select(id => NameOf(teams, id)).Where(n => n != null && teamNames.Contains(n)).OrderBy(n => n, Names).ToList(),
                    DesktopProfile = NameOf(desktopProfiles, user.AgentProfileId),
                    MultimediaProfile = profile,
                    EngageRoleType = engageUsers.FirstOrDefault(e => Names.Equals(e.Email, user.Email))?.RoleType,
                });
            }
            var rona = await connection.ControlHub.GetRonaTimeoutsAsync(ct).ConfigureAwait(false);
            definition.RonaTimeouts = new RonaTimeoutsDefinition { Telephony = rona.Telephony, Chat = rona.Chat, Email = rona.Email, Social = rona.Social };
            return definition;
        }

        private static async Task<EngageDefinition> ReadEngageAsync(DigitalChannelsConnection connection, CancellationToken ct)
        {
            var engage = connection.Engage;
            var attachments = await engage.Attachments.GetAsync(ct).ConfigureAwait(false);
            var templates = await engage.Templates.ListAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false);
            var words = await engage.Blocklist.ListAsync(cancellationToken: ct).ToListAsync(ct).ConfigureAwait(false);
            return new EngageDefinition
            {
                AttachmentsEnabled = attachments.Enabled,
                Templates = templates.OrderBy(t => t.Name, Names).Select(t => new EngageTemplateDefinition
                {
                    Name = t.Name, Channels = t.Channels.OrderBy(c => c, StringComparer.Ordinal).ToList(), Text = t.Text, Category = string.IsNullOrEmpty(t.Category) ? null : t.Category,
                }).ToList(),
                BlockedWords = words.Select(w => w.Word).OrderBy(w => w, Names).ToList(),
            };
        }

        /// <summary>Every text value that carries the pod id gets {Pod} instead (ForPod's inverse).</summary>
        private static void ReplacePod(LabExport export, string podId)
        {
            var json = Newtonsoft.Json.Linq.JObject.FromObject(export.Definition);
            foreach (var value in json.Descendants().OfType<Newtonsoft.Json.Linq.JValue>().Where(v => v.Type == Newtonsoft.Json.Linq.JTokenType.String).ToList())
                value.Value = ((string)value.Value).Replace(podId, LabDefinition.PodPlaceholder);
            export.Definition = json.ToObject<LabDefinition>();
        }

        /// <summary>Gives each flow its file name, in the order the flows appear; called once the values are final.</summary>
        private static void NameFlowFiles(LabExport export)
        {
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var index = 0;
            foreach (var flow in export.Definition.Connect?.Services.SelectMany(s => s.Flows) ?? Enumerable.Empty<ConnectFlowDefinition>())
            {
                var stem = FileStem(flow.Name);
                var fileName = stem + WorkflowFile.Extension;
                for (var n = 2; !used.Add(fileName); n++) fileName = $"{stem} ({n}){WorkflowFile.Extension}";
                flow.File = fileName;
                export.Flows[index++].FileName = fileName;
            }
        }

        /// <summary>The flow's name as a file name: no braces (a {Pod} in a path would be replaced), no characters a file system refuses.</summary>
        private static string FileStem(string name)
        {
            var invalid = new HashSet<char>(System.IO.Path.GetInvalidFileNameChars().Concat(new[] { '{', '}', '/', '\\', ':', '*', '?', '"', '<', '>', '|' }));
            var stem = new string((name ?? "flow").Where(c => !invalid.Contains(c)).ToArray()).Trim().TrimEnd('.');
            return stem.Length == 0 ? "flow" : stem;
        }
    }
}
