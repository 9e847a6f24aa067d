using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.Client.ControlHub;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Lab.Definition
{
    /// <summary>
    /// Turns the plain tree of a .psd1, a JSON file or a hashtable (dictionaries, lists, scalars) into a
    /// <see cref="LabDefinition"/>, checking everything that can be checked without a tenant: unknown keys (typos),
    /// types, the platform's ranges, duplicate names, references between the definition's own objects, placeholders,
    /// and that every flow file exists. All problems are collected and reported together.
    /// </summary>
    public static class LabDefinitionReader
    {
        /// <summary>The two pre-built integrations every Connect tenant has (lab 12.2 "3. Assets").</summary>
        public static readonly IReadOnlyList<string> Integrations = new[] { "Webex CC Task", "Webex CC Engage" };

        private static readonly Regex Placeholder = new Regex(@"\{([^{}]*)\}", RegexOptions.CultureInvariant);
        private static readonly Regex PodId = new Regex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$", RegexOptions.CultureInvariant);

        /// <param name="tree">The root: a dictionary.</param>
        /// <param name="source">What error messages call the definition (its path).</param>
        /// <param name="baseDirectory">The folder relative paths start from (the definition file's folder).</param>
        /// <param name="flowPath">A folder that replaces Connect.FlowsFolder (the run's -FlowPath), or null.</param>
        public static LabDefinition Read(object tree, string source, string baseDirectory, string flowPath = null)
        {
            var problems = new List<LabDefinitionProblem>();
            var root = Section.Root(tree, problems);
            var definition = new LabDefinition { Source = source };
            if (root != null)
            {
                definition.SchemaVersion = root.Int("SchemaVersion", 1, LabDefinition.CurrentSchemaVersion, required: true) ?? LabDefinition.CurrentSchemaVersion;
                definition.Name = root.Text("Name") ?? "Lab";
                definition.Provisioning = root.Child("Provisioning", ReadProvisioning);
                definition.Connect = root.Child("Connect", s => ReadConnect(s, baseDirectory, flowPath));
                definition.ContactCenter = root.Child("ContactCenter", ReadContactCenter);
                definition.Engage = root.Child("Engage", ReadEngage);
                root.RejectUnknownKeys();
                CheckPlaceholders(tree, "", problems);
                CheckReferences(definition, problems);
            }
            if (problems.Count > 0) throw new LabDefinitionException(source, problems);
            return definition;
        }

        /// <summary>
        /// The definition for one pod: every <c>{Pod}</c> replaced by <paramref name="pod"/> (letters, digits, '-' and '_').
        /// The original is left as it was.
        /// </summary>
        public static LabDefinition ForPod(LabDefinition definition, string pod)
        {
            if (definition == null) throw new ArgumentNullException(nameof(definition));
            CheckPodId(pod);
            var copy = JObject.FromObject(definition);
            foreach (var value in copy.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
                value.Value = ((string)value.Value).Replace(LabDefinition.PodPlaceholder, pod);
            var result = copy.ToObject<LabDefinition>();
            result.Pod = pod;
            return result;
        }

        /// <summary>Refuses a pod id that cannot replace {Pod} (New-DigitalChannelsLabPod checks it before any run).</summary>
        public static void CheckPodId(string pod)
        {
            if (pod == null || !PodId.IsMatch(pod))
                throw new ArgumentException($"The pod id '{pod}' is not valid: use 1 to 32 letters, digits, '-' or '_', starting with a letter or digit.", nameof(pod));
        }

        private static ProvisioningDefinition ReadProvisioning(Section s) => new ProvisioningDefinition
        {
            Owner = s.Email("Owner", required: true),
            OwnerName = s.Text("OwnerName") ?? "Connect Owner",
            DigitalChannel = s.Text("DigitalChannel") ?? "IMI Digital",
        }.Also(_ => s.RejectUnknownKeys());

        private static ConnectDefinition ReadConnect(Section s, string baseDirectory, string flowPath)
        {
            var folderText = s.Text("FlowsFolder");
            var flowsFolder = flowPath != null ? Path.GetFullPath(flowPath)
                : folderText != null ? Path.GetFullPath(Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), folderText))
                : baseDirectory;
            var connect = new ConnectDefinition
            {
                FlowsFolder = flowsFolder,
                Services = s.Items("Services", item => ReadService(item, flowsFolder)),
                Teammates = s.Items("Teammates", ReadTeammate),
                NodeAuthorizations = s.Items("NodeAuthorizations", ReadNodeAuthorization),
                TenantSettings = s.Child("TenantSettings", ReadTenantSettings),
            };
            if (flowPath != null && !Directory.Exists(flowsFolder))
                s.Problem("FlowsFolder", $"the flow folder '{flowPath}' given to the run does not exist");
            s.RejectUnknownKeys();
            s.Unique("Services", connect.Services.Select(x => x.Name), "service");
            s.Unique("Teammates", connect.Teammates.Select(x => x.Email), "teammate");
            s.Unique("NodeAuthorizations", connect.NodeAuthorizations.Select(x => x.Integration), "integration");
            return connect;
        }

        private static readonly Regex IanaTimeZone = new Regex(@"^(UTC|[A-Za-z]+(/[A-Za-z0-9_+\-]+)+)$", RegexOptions.CultureInvariant);

        /// <summary>
        /// The time zone must be an IANA id (what the portal stores, so that the check compares like with like); whether the
        /// zone exists is the tenant's to say. The date format must be one the portal offers.
        /// </summary>
        private static TenantSettingsDefinition ReadTenantSettings(Section s)
        {
            var settings = new TenantSettingsDefinition { TimeZone = s.Text("TimeZone"), DateFormat = s.Text("DateFormat") };
            if (settings.TimeZone != null && !IanaTimeZone.IsMatch(settings.TimeZone))
            {
                s.Problem("TimeZone", $"'{settings.TimeZone}' is not an IANA time zone id such as 'Europe/London', 'America/New_York' or 'UTC'");
                settings.TimeZone = null;
            }
            if (settings.DateFormat != null)
            {
                var format = Connect.Settings.ConnectTenantSettingValues.NormalizeDateFormat(settings.DateFormat);
                if (format == null)
                    s.Problem("DateFormat", $"'{settings.DateFormat}' is not a date format the portal offers; use one of: {string.Join(", ", Connect.Settings.ConnectTenantSettingValues.DateFormats.Select(f => "'" + f + "'"))}");
                settings.DateFormat = format;
            }
            s.RejectUnknownKeys();
            return settings;
        }

        private static ConnectServiceDefinition ReadService(Section s, string flowsFolder)
        {
            var service = new ConnectServiceDefinition
            {
                Name = s.Name("Name"),
                Description = s.Text("Description"),
                Locked = s.Bool("Locked"),
                Flows = s.Items("Flows", f => ReadFlow(f, flowsFolder)),
            };
            s.RejectUnknownKeys();
            s.Unique("Flows", service.Flows.Select(f => f.Name), "flow");
            return service;
        }

        private static ConnectFlowDefinition ReadFlow(Section s, string flowsFolder)
        {
            var flow = new ConnectFlowDefinition
            {
                Name = s.Name("Name"),
                File = s.Text("File", required: true),
                Kind = s.Enum<ConnectFlowKind>("Kind"),
                Asset = s.Text("Asset"),
            };
            if (flow.File != null)
            {
                flow.FilePath = Path.IsPathRooted(flow.File) ? flow.File : Path.GetFullPath(Path.Combine(flowsFolder ?? Directory.GetCurrentDirectory(), flow.File));
                if (!File.Exists(flow.FilePath))
                    s.Problem("File", $"the flow file '{flow.FilePath}' does not exist (give the folder of the .workflow files as Connect.FlowsFolder or with -FlowPath)");
                else if (!flow.FilePath.EndsWith(WorkflowFile.Extension, StringComparison.OrdinalIgnoreCase) && !flow.FilePath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                    s.Problem("File", $"'{flow.File}' is neither a {WorkflowFile.Extension} export nor a .zip of one");
            }
            // The platform needs the trigger kind to create a flow; infer it now, as Import-ConnectFlow does (the .workflow's
            // name, the zip's, the folders', then the flow's), so that names saying nothing are refused before anything changes.
            if (!flow.Kind.HasValue && flow.Name != null && flow.FilePath != null && File.Exists(flow.FilePath))
            {
                WorkflowFile file = null;
                try { file = WorkflowFile.Read(flow.FilePath); }
                catch (InvalidDataException ex) { s.Problem("File", ex.Message); }
                var names = (file?.KindHints ?? new[] { Path.GetFileName(flow.File) }).Concat(new[] { flow.Name }).ToList();
                if (FlowKindInference.TryInfer(names, out var inferred, out _)) flow.Kind = inferred;
                else if (file != null) s.Problem("Kind", $"is required: none of the names '{string.Join("', '", names.Distinct())}' tells the trigger; use one of {string.Join(", ", System.Enum.GetNames(typeof(ConnectFlowKind)))}");
            }
            // The lab makes every flow live, which needs an asset of the flow's channel.
            if (flow.Kind.HasValue && ConnectChannels.DiscontinuedReason(flow.Kind.Value.ToString()) is string discontinued)
                s.Problem("Kind", $"{flow.Kind} flows import but can never be made live: no app of the channel can be created ({discontinued})");
            s.RejectUnknownKeys();
            return flow;
        }

        private static ConnectTeammateDefinition ReadTeammate(Section s)
        {
            var teammate = new ConnectTeammateDefinition
            {
                Email = s.Email("Email", required: true),
                Name = s.Text("Name") ?? "Lab Administrator",
                Role = s.Enum<ConnectTeammateRole>("Role") ?? ConnectTeammateRole.FullAccess,
                DecryptLogs = s.Bool("DecryptLogs") ?? false,
            };
            if (teammate.Role == ConnectTeammateRole.Owner)
                s.Problem("Role", "'Owner' cannot be invited: a tenant has exactly one Owner, the one named in Provisioning.Owner");
            s.RejectUnknownKeys();
            return teammate;
        }

        private static NodeAuthorizationDefinition ReadNodeAuthorization(Section s)
        {
            var authorization = new NodeAuthorizationDefinition
            {
                Integration = s.Text("Integration", required: true),
                Name = s.Name("Name"),
                Account = s.Email("Account"),
            };
            if (authorization.Integration != null)
            {
                var known = Integrations.FirstOrDefault(i => string.Equals(i, authorization.Integration.Trim(), StringComparison.OrdinalIgnoreCase));
                if (known == null) s.Problem("Integration", $"'{authorization.Integration}' is not a pre-built integration; use one of: {string.Join(", ", Integrations.Select(i => "'" + i + "'"))}");
                else authorization.Integration = known;
            }
            s.RejectUnknownKeys();
            return authorization;
        }

        private static ContactCenterDefinition ReadContactCenter(Section s)
        {
            var cc = new ContactCenterDefinition
            {
                MultimediaProfiles = s.Items("MultimediaProfiles", p => new MultimediaProfileDefinition
                {
                    Name = p.Name("Name"),
                    BlendingMode = p.Enum<BlendingMode>("BlendingMode") ?? BlendingMode.Blended,
                    // MultimediaProfileChannelDTO's ranges (the official spec).
                    Telephony = p.Int("Telephony", 0, 1) ?? 0,
                    Chat = p.Int("Chat", 0, 5) ?? 0,
                    Email = p.Int("Email", 0, 10) ?? 0,
                    Social = p.Int("Social", 0, 5) ?? 0,
                }.Also(_ => p.RejectUnknownKeys())),
                Sites = s.Items("Sites", p => new SiteDefinition
                {
                    Name = p.Name("Name"),
                    MultimediaProfile = p.Text("MultimediaProfile", required: true),
                }.Also(_ => p.RejectUnknownKeys())),
                Teams = s.Items("Teams", p => new TeamDefinition
                {
                    Name = p.Name("Name"),
                    Site = p.Text("Site", required: true),
                    Type = p.Enum<TeamType>("Type") ?? TeamType.AgentBased,
                    MultimediaProfile = p.Text("MultimediaProfile"),
                    DesktopLayout = p.Text("DesktopLayout") ?? TeamSettings.DefaultDesktopLayout,
                }.Also(t =>
                {
                    if (t.Type == TeamType.CapacityBased && t.MultimediaProfile != null)
                        p.Problem("MultimediaProfile", $"the team '{t.Name}' is capacity based: it takes no multimedia profile");
                    p.RejectUnknownKeys();
                })),
                Users = s.Items("Users", p => new ContactCenterUserDefinition
                {
                    Email = p.Email("Email", required: true),
                    FirstName = p.Text("FirstName"),
                    LastName = p.Text("LastName"),
                    License = p.Text("License") ?? People.ContactCenterLicenses.PremiumAgent,
                    UserProfile = p.Text("UserProfile"),
                    ContactCenterEnabled = p.Bool("ContactCenterEnabled") ?? true,
                    Site = p.Text("Site"),
                    Teams = p.Strings("Teams"),
                    DesktopProfile = p.Text("DesktopProfile"),
                    MultimediaProfile = p.Text("MultimediaProfile"),
                    EngageRoleType = p.OneOf("EngageRoleType", Engage.Users.EngageUser.CustomerCare, Engage.Users.EngageUser.Administrative),
                }.Also(_ => p.RejectUnknownKeys())),
                RonaTimeouts = s.Child("RonaTimeouts", p => new RonaTimeoutsDefinition
                {
                    // Lab 12.5 step 4's limits.
                    Telephony = p.Int("Telephony", RonaTimeouts.TelephonyMinimum, RonaTimeouts.TelephonyMaximum),
                    Chat = p.Int("Chat", RonaTimeouts.DigitalMinimum, RonaTimeouts.DigitalMaximum),
                    Email = p.Int("Email", RonaTimeouts.DigitalMinimum, RonaTimeouts.DigitalMaximum),
                    Social = p.Int("Social", RonaTimeouts.DigitalMinimum, RonaTimeouts.DigitalMaximum),
                }.Also(_ => p.RejectUnknownKeys())),
            };
            s.RejectUnknownKeys();
            s.Unique("MultimediaProfiles", cc.MultimediaProfiles.Select(x => x.Name), "multimedia profile");
            s.Unique("Sites", cc.Sites.Select(x => x.Name), "site");
            s.Unique("Teams", cc.Teams.Select(x => x.Name), "team");
            s.Unique("Users", cc.Users.Select(x => x.Email), "user");
            return cc;
        }

        private static EngageDefinition ReadEngage(Section s)
        {
            var engage = new EngageDefinition
            {
                AttachmentsEnabled = s.Bool("AttachmentsEnabled"),
                Templates = s.Items("Templates", p => new EngageTemplateDefinition
                {
                    Name = p.Name("Name"),
                    Channels = p.Strings("Channels", required: true),
                    Text = p.Text("Text", required: true),
                    Category = p.Text("Category"),
                }.Also(t =>
                {
                    for (var i = 0; i < t.Channels.Count; i++)
                    {
                        if (Client.Engage.EngageChannels.IsKnown(t.Channels[i].ToLowerInvariant())) t.Channels[i] = t.Channels[i].ToLowerInvariant();
                        else p.Problem($"Channels[{i}]", $"'{t.Channels[i]}' is not an Engage channel; use one of: {string.Join(", ", Client.Engage.EngageChannels.All)}");
                    }
                    p.RejectUnknownKeys();
                })),
                BlockedWords = s.Strings("BlockedWords"),
            };
            s.RejectUnknownKeys();
            s.Unique("Templates", engage.Templates.Select(x => x.Name), "template");
            s.Unique("BlockedWords", engage.BlockedWords, "blocked word");
            return engage;
        }

        /// <summary>Names that point at the definition's own objects must name one of them: a typo is caught before anything changes.</summary>
        private static void CheckReferences(LabDefinition d, List<LabDefinitionProblem> problems)
        {
            var cc = d.ContactCenter;
            if (cc == null) return;
            var profiles = new HashSet<string>(cc.MultimediaProfiles.Select(p => p.Name).Where(n => n != null), StringComparer.OrdinalIgnoreCase);
            var sites = new HashSet<string>(cc.Sites.Select(p => p.Name).Where(n => n != null), StringComparer.OrdinalIgnoreCase);
            var teams = new HashSet<string>(cc.Teams.Select(p => p.Name).Where(n => n != null), StringComparer.OrdinalIgnoreCase);
            void Require(HashSet<string> names, string value, string key, string kind, string list)
            {
                if (value != null && !names.Contains(value))
                    problems.Add(new LabDefinitionProblem(key, $"the {kind} '{value}' is not defined in ContactCenter.{list}" +
                        (names.Count == 0 ? "" : $" (defined: {string.Join(", ", names.Select(n => "'" + n + "'"))})")));
            }
            for (var i = 0; i < cc.Sites.Count; i++)
                Require(profiles, cc.Sites[i].MultimediaProfile, $"ContactCenter.Sites[{i}].MultimediaProfile", "multimedia profile", "MultimediaProfiles");
            for (var i = 0; i < cc.Teams.Count; i++)
            {
                Require(sites, cc.Teams[i].Site, $"ContactCenter.Teams[{i}].Site", "site", "Sites");
                Require(profiles, cc.Teams[i].MultimediaProfile, $"ContactCenter.Teams[{i}].MultimediaProfile", "multimedia profile", "MultimediaProfiles");
            }
            for (var i = 0; i < cc.Users.Count; i++)
            {
                var user = cc.Users[i];
                Require(sites, user.Site, $"ContactCenter.Users[{i}].Site", "site", "Sites");
                Require(profiles, user.MultimediaProfile, $"ContactCenter.Users[{i}].MultimediaProfile", "multimedia profile", "MultimediaProfiles");
                for (var t = 0; t < user.Teams.Count; t++)
                    Require(teams, user.Teams[t], $"ContactCenter.Users[{i}].Teams[{t}]", "team", "Teams");
            }
        }

        /// <summary>The only placeholder is {Pod}; anything else in braces is a typo that would reach the tenant as text.</summary>
        private static void CheckPlaceholders(object node, string path, List<LabDefinitionProblem> problems)
        {
            switch (node)
            {
                case string text:
                    foreach (Match m in Placeholder.Matches(text))
                        if (!string.Equals(m.Value, LabDefinition.PodPlaceholder, StringComparison.Ordinal))
                            problems.Add(new LabDefinitionProblem(path, $"'{m.Value}' in '{text}' is not a placeholder; the only one is {LabDefinition.PodPlaceholder}"));
                    break;
                case IDictionary<string, object> map:
                    foreach (var pair in map) CheckPlaceholders(pair.Value, path.Length == 0 ? pair.Key : path + "." + pair.Key, problems);
                    break;
                case IList<object> list:
                    for (var i = 0; i < list.Count; i++) CheckPlaceholders(list[i], $"{path}[{i}]", problems);
                    break;
            }
        }

        private static T Also<T>(this T value, Action<T> action)
        {
            action(value);
            return value;
        }

        /// <summary>One dictionary of the tree and its key path; reads values, recording a problem for each mistake.</summary>
        private sealed class Section
        {
            private readonly IDictionary<string, object> _map;
            private readonly string _path;
            private readonly List<LabDefinitionProblem> _problems;
            private readonly HashSet<string> _read = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            private Section(IDictionary<string, object> map, string path, List<LabDefinitionProblem> problems)
            {
                _map = map;
                _path = path;
                _problems = problems;
            }

            public static Section Root(object tree, List<LabDefinitionProblem> problems)
            {
                if (tree is IDictionary<string, object> map) return new Section(map, "", problems);
                problems.Add(new LabDefinitionProblem("(root)", $"expected a hashtable @{{ … }} (a JSON object), found {Describe(tree)}"));
                return null;
            }

            private string KeyPath(string key) => _path.Length == 0 ? key : _path + "." + key;

            public void Problem(string key, string problem) => _problems.Add(new LabDefinitionProblem(KeyPath(key), problem));

            private bool TryGet(string key, out object value)
            {
                _read.Add(key);
                foreach (var pair in _map)
                    if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
                    {
                        value = pair.Value;
                        return true;
                    }
                value = null;
                return false;
            }

            private bool Missing(string key, bool required, out object value)
            {
                if (TryGet(key, out value) && value != null) return false;
                if (required) Problem(key, "is required");
                return true;
            }

            public string Text(string key, bool required = false)
            {
                if (Missing(key, required, out var value)) return null;
                if (value is string text)
                {
                    if (text.Trim().Length == 0) { Problem(key, "is empty"); return null; }
                    return text.Trim();
                }
                if (value is long || value is double) return Convert.ToString(value, CultureInfo.InvariantCulture);
                Problem(key, $"expected text, found {Describe(value)}");
                return null;
            }

            public string Name(string key) => Text(key, required: true);

            public string Email(string key, bool required = false)
            {
                var text = Text(key, required);
                if (text == null) return null;
                var at = text.IndexOf('@');
                if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1 || text.Any(char.IsWhiteSpace) || !text.Substring(at).Contains("."))
                {
                    Problem(key, $"'{text}' is not an email address");
                    return null;
                }
                return text;
            }

            public string OneOf(string key, params string[] allowed)
            {
                var text = Text(key);
                if (text == null) return null;
                var match = allowed.FirstOrDefault(a => string.Equals(a.Replace(" ", ""), text.Replace(" ", ""), StringComparison.OrdinalIgnoreCase));
                if (match == null) Problem(key, $"'{text}' is not one of {string.Join(", ", allowed.Select(a => "'" + a + "'"))}");
                return match;
            }

            public int? Int(string key, int minimum, int maximum, bool required = false)
            {
                if (Missing(key, required, out var value)) return null;
                long number;
                if (value is long l) number = l;
                else if (value is double d && Math.Abs(d % 1) < double.Epsilon) number = (long)d;
                else if (value is string s && long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) number = parsed;
                else
                {
                    Problem(key, $"expected a whole number, found {Describe(value)}");
                    return null;
                }
                if (number < minimum || number > maximum)
                {
                    Problem(key, $"{number} is out of range: allowed {minimum} to {maximum}");
                    return null;
                }
                return (int)number;
            }

            public bool? Bool(string key)
            {
                if (Missing(key, false, out var value)) return null;
                if (value is bool b) return b;
                Problem(key, $"expected $true or $false, found {Describe(value)}");
                return null;
            }

            public T? Enum<T>(string key) where T : struct
            {
                var text = Text(key);
                if (text == null) return null;
                if (EnumWords.TryParse<T>(text, out var parsed)) return parsed;
                Problem(key, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames(typeof(T)))}");
                return null;
            }

            /// <summary>A list of text; a single value counts as a list of one, as PowerShell users write it.</summary>
            public List<string> Strings(string key, bool required = false)
            {
                var result = new List<string>();
                if (Missing(key, required, out var value)) return result;
                var items = value as IList<object> ?? new List<object> { value };
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is string text && text.Trim().Length > 0) result.Add(text.Trim());
                    else Problem($"{key}[{i}]", $"expected text, found {Describe(items[i])}");
                }
                if (required && result.Count == 0) Problem(key, "needs at least one value");
                return result;
            }

            public T Child<T>(string key, Func<Section, T> read) where T : class
            {
                if (Missing(key, false, out var value)) return null;
                if (value is IDictionary<string, object> map) return read(new Section(map, KeyPath(key), _problems));
                Problem(key, $"expected a hashtable @{{ … }}, found {Describe(value)}");
                return null;
            }

            public List<T> Items<T>(string key, Func<Section, T> read)
            {
                var result = new List<T>();
                if (Missing(key, false, out var value)) return result;
                var items = value as IList<object> ?? new List<object> { value };
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is IDictionary<string, object> map) result.Add(read(new Section(map, $"{KeyPath(key)}[{i}]", _problems)));
                    else _problems.Add(new LabDefinitionProblem($"{KeyPath(key)}[{i}]", $"expected a hashtable @{{ … }}, found {Describe(items[i])}"));
                }
                return result;
            }

            public void Unique(string key, IEnumerable<string> names, string kind)
            {
                foreach (var group in names.Where(n => n != null).GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                    Problem(key, $"the {kind} '{group.Key}' is defined {group.Count()} times");
            }

            /// <summary>A key this schema does not know is a typo (Telephny) that would otherwise be silently ignored.</summary>
            public void RejectUnknownKeys()
            {
                // "$schema" and "$comment" are JSON's annotations, not settings.
                foreach (var key in _map.Keys.Where(k => !_read.Contains(k) && !k.StartsWith("$", StringComparison.Ordinal)))
                {
                    var known = string.Join(", ", _read.OrderBy(k => k, StringComparer.Ordinal));
                    Problem(key, $"is not a known key here (known: {known})");
                }
            }

            private static string Describe(object value) =>
                value == null ? "nothing ($null)"
                : value is string s ? $"the text '{s}'"
                : value is bool b ? (b ? "$true" : "$false")
                : value is long || value is double ? $"the number {Convert.ToString(value, CultureInfo.InvariantCulture)}"
                : value is IDictionary<string, object> ? "a hashtable"
                : value is IList<object> ? "a list"
                : value.GetType().Name;
        }
    }
}
