using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.Client.Lab.Definition;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Lab.Export
{
    /// <summary>
    /// Writes a <see cref="LabDefinition"/> as the text <see cref="LabDefinitionFile.Load"/> reads: .psd1 (which
    /// Import-PowerShellDataFile reads too) or .json. The keys are in the schema's order, unset values and empty lists are
    /// left out, line endings are \n and there is no time stamp: the same definition always gives the same bytes.
    /// </summary>
    public static class LabDefinitionWriter
    {
        /// <summary>A key and its value: text, a whole number, true/false, a list, or a nested map.</summary>
        private sealed class Map : List<KeyValuePair<string, object>>
        {
            public Map Add(string key, object value)
            {
                if (value == null || (value is System.Collections.ICollection c && c.Count == 0)) return this;
                Add(new KeyValuePair<string, object>(key, value));
                return this;
            }
        }

        public static string ToText(LabDefinition definition, string extension)
        {
            switch ((extension ?? "").ToLowerInvariant())
            {
                case ".psd1": return ToPsd1(definition);
                case ".json": return ToJson(definition);
                default: throw new ArgumentException($"A lab definition is written as .psd1 or .json, not '{extension}'.", nameof(extension));
            }
        }

        public static string ToJson(LabDefinition definition) => Json(Tree(definition)).ToString(Formatting.Indented).Replace("\r\n", "\n") + "\n";

        public static string ToPsd1(LabDefinition definition)
        {
            var text = new StringBuilder();
            text.Append("# A lab definition exported by Export-DigitalChannelsLab; apply it with Invoke-DigitalChannelsLab -Definition <this file>.\n");
            Psd1(text, Tree(definition), 0);
            text.Append('\n');
            return text.ToString();
        }

        private static Map Tree(LabDefinition d)
        {
            var root = new Map().Add("SchemaVersion", (long)d.SchemaVersion).Add("Name", d.Name);
            if (d.Provisioning != null)
                root.Add("Provisioning", new Map().Add("DigitalChannel", d.Provisioning.DigitalChannel).Add("Owner", d.Provisioning.Owner).Add("OwnerName", d.Provisioning.OwnerName));
            if (d.Connect != null)
                root.Add("Connect", new Map()
                    .Add("FlowsFolder", d.Connect.Services.Any(s => s.Flows.Count > 0) ? LabExporter.FlowsFolderName : null)
                    .Add("Services", d.Connect.Services.Select(s => (object)new Map().Add("Name", s.Name).Add("Description", s.Description).Add("Locked", s.Locked)
                        .Add("Flows", s.Flows.Select(f => (object)new Map().Add("Name", f.Name).Add("File", f.File).Add("Kind", f.Kind?.ToString()).Add("Asset", f.Asset)).ToList())).ToList())
                    .Add("Teammates", d.Connect.Teammates.Select(t => (object)new Map().Add("Email", t.Email).Add("Name", t.Name).Add("Role", t.Role.ToString()).Add("DecryptLogs", t.DecryptLogs)).ToList())
                    .Add("NodeAuthorizations", d.Connect.NodeAuthorizations.Select(a => (object)new Map().Add("Integration", a.Integration).Add("Name", a.Name).Add("Account", a.Account)).ToList())
                    .Add("TenantSettings", d.Connect.TenantSettings == null ? null : new Map().Add("TimeZone", d.Connect.TenantSettings.TimeZone).Add("DateFormat", d.Connect.TenantSettings.DateFormat)));
            if (d.ContactCenter != null)
            {
                var cc = d.ContactCenter;
                root.Add("ContactCenter", new Map()
                    .Add("MultimediaProfiles", cc.MultimediaProfiles.Select(p => (object)new Map().Add("Name", p.Name).Add("BlendingMode", p.BlendingMode.ToString())
                        .Add("Telephony", (long)p.Telephony).Add("Chat", (long)p.Chat).Add("Email", (long)p.Email).Add("Social", (long)p.Social)).ToList())
                    .Add("Sites", cc.Sites.Select(s => (object)new Map().Add("Name", s.Name).Add("MultimediaProfile", s.MultimediaProfile)).ToList())
                    .Add("Teams", cc.Teams.Select(t => (object)new Map().Add("Name", t.Name).Add("Site", t.Site).Add("Type", t.Type.ToString())
                        .Add("MultimediaProfile", t.MultimediaProfile).Add("DesktopLayout", t.DesktopLayout)).ToList())
                    .Add("Users", cc.Users.Select(u => (object)new Map().Add("Email", u.Email).Add("FirstName", u.FirstName).Add("LastName", u.LastName).Add("License", u.License)
                        .Add("UserProfile", u.UserProfile).Add("ContactCenterEnabled", u.ContactCenterEnabled).Add("Site", u.Site).Add("Teams", u.Teams.Cast<object>().ToList())
                        .Add("DesktopProfile", u.DesktopProfile).Add("MultimediaProfile", u.MultimediaProfile).Add("EngageRoleType", u.EngageRoleType)).ToList())
                    .Add("RonaTimeouts", cc.RonaTimeouts == null ? null : new Map().Add("Telephony", (long?)cc.RonaTimeouts.Telephony).Add("Chat", (long?)cc.RonaTimeouts.Chat)
                        .Add("Email", (long?)cc.RonaTimeouts.Email).Add("Social", (long?)cc.RonaTimeouts.Social)));
            }
            if (d.Engage != null)
                root.Add("Engage", new Map().Add("AttachmentsEnabled", d.Engage.AttachmentsEnabled)
                    .Add("Templates", d.Engage.Templates.Select(t => (object)new Map().Add("Name", t.Name).Add("Channels", t.Channels.Cast<object>().ToList()).Add("Text", t.Text).Add("Category", t.Category)).ToList())
                    .Add("BlockedWords", d.Engage.BlockedWords.Cast<object>().ToList()));
            return root;
        }

        private static JToken Json(object node)
        {
            switch (node)
            {
                case Map map:
                    var o = new JObject();
                    foreach (var pair in map) o[pair.Key] = Json(pair.Value);
                    return o;
                case List<object> list:
                    return new JArray(list.Select(Json));
                default:
                    return new JValue(node);
            }
        }

        private static void Psd1(StringBuilder text, object node, int depth)
        {
            var indent = new string(' ', 4 * (depth + 1));
            switch (node)
            {
                case Map map:
                    text.Append("@{\n");
                    var width = map.Max(p => p.Key.Length);
                    foreach (var pair in map)
                    {
                        text.Append(indent).Append(pair.Key.PadRight(width)).Append(" = ");
                        Psd1(text, pair.Value, depth + 1);
                        text.Append('\n');
                    }
                    text.Append(new string(' ', 4 * depth)).Append('}');
                    break;
                case List<object> list:
                    // @( … ) with one item a line keeps a list of one a list when read back.
                    text.Append("@(\n");
                    foreach (var item in list)
                    {
                        text.Append(indent);
                        Psd1(text, item, depth + 1);
                        text.Append('\n');
                    }
                    text.Append(new string(' ', 4 * depth)).Append(')');
                    break;
                case string s:
                    // Single quotes: nothing inside is expanded; a quote (including the typographic ones PowerShell
                    // also treats as quotes) is doubled.
                    text.Append('\'');
                    foreach (var c in s)
                    {
                        if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') text.Append(c);
                        text.Append(c);
                    }
                    text.Append('\'');
                    break;
                case bool b:
                    text.Append(b ? "$true" : "$false");
                    break;
                case long l:
                    text.Append(l.ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new InvalidOperationException($"A {node?.GetType().Name ?? "null"} cannot be written to a lab definition.");
            }
        }

        /// <summary>Writes the definition and its flow files (into flows/ beside it); returns the files written.</summary>
        public static List<string> Write(LabExport export, string path)
        {
            var full = Path.GetFullPath(path);
            var text = ToText(export.Definition, Path.GetExtension(full));
            var folder = Path.GetDirectoryName(full);
            Directory.CreateDirectory(folder);
            var written = new List<string>();
            if (export.Flows.Count > 0)
            {
                var flows = Path.Combine(folder, LabExporter.FlowsFolderName);
                Directory.CreateDirectory(flows);
                foreach (var flow in export.Flows)
                {
                    var file = Path.Combine(flows, flow.FileName);
                    File.WriteAllText(file, flow.Payload, new UTF8Encoding(false));
                    written.Add(file);
                }
            }
            File.WriteAllText(full, text, new UTF8Encoding(false));
            written.Insert(0, full);
            return written;
        }
    }
}
