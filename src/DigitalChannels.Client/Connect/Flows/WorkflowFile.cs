using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace DigitalChannels.Client.Connect.Flows
{
    /// <summary>
    /// A flow export read from disk: a <c>.workflow</c> file, or one of the <c>.zip</c> archives Cisco publishes (one
    /// <c>.workflow</c> inside, perhaps in a folder, beside <c>__MACOSX</c>/AppleDouble entries and <c>.DS_Store</c>, which are
    /// skipped; platform facts §4). A zip is recognised by its signature, not its name, since some are named without
    /// ".workflow". The payload is checked with <see cref="WorkflowPayload"/>; every refusal names the file and the reason.
    /// </summary>
    public sealed class WorkflowFile
    {
        public const string Extension = ".workflow";

        private WorkflowFile(string sourcePath, string entryName, string payload)
        {
            SourcePath = sourcePath;
            EntryName = entryName;
            Payload = payload;
            Sha256 = WorkflowPayload.Sha256(payload);
        }

        /// <summary>The file that was read (the zip, for an archive).</summary>
        public string SourcePath { get; }

        /// <summary>The .workflow entry's path inside the zip; null for a plain file.</summary>
        public string EntryName { get; }

        /// <summary>The .workflow file's own name ("Task Routed Flow.workflow").</summary>
        public string FileName => EntryName != null ? EntryName.Split('/').Last() : Path.GetFileName(SourcePath);

        /// <summary>The flow name the portal would suggest: the .workflow file's name without the extension.</summary>
        public string SuggestedName
        {
            get
            {
                var name = FileName;
                return name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - Extension.Length) : Path.GetFileNameWithoutExtension(name);
            }
        }

        /// <summary>The lower-case hex text, as it will be stored.</summary>
        public string Payload { get; }

        public string Sha256 { get; }

        public int DecodedLength => WorkflowPayload.DecodedLength(Payload);

        /// <summary>"a.zip (X/a.workflow)" or "a.workflow": how messages name the file.</summary>
        public string DisplayName => Describe(SourcePath, EntryName);

        /// <summary>Reads and checks a .workflow file or a .zip of one; <see cref="InvalidDataException"/> says what is wrong.</summary>
        public static WorkflowFile Read(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The path of the flow file is empty.", nameof(path));
            var full = Path.GetFullPath(path);
            if (!File.Exists(full)) throw new FileNotFoundException($"The flow file '{full}' does not exist.", full);
            using (var stream = File.OpenRead(full))
            {
                return IsZip(stream) ? ReadZip(stream, full) : new WorkflowFile(full, null, ReadPayload(stream, stream.Length, Describe(full, null)));
            }
        }

        private static bool IsZip(Stream stream)
        {
            var signature = new byte[4];
            var read = stream.Read(signature, 0, 4);
            stream.Position = 0;
            // PK\3\4 (a local file header) or PK\5\6 (the end record of an empty archive).
            return read == 4 && signature[0] == 'P' && signature[1] == 'K' && ((signature[2] == 3 && signature[3] == 4) || (signature[2] == 5 && signature[3] == 6));
        }

        private static WorkflowFile ReadZip(Stream stream, string path)
        {
            var name = Path.GetFileName(path);
            ZipArchive archive;
            try
            {
                archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidDataException($"'{name}' looks like a zip archive but cannot be read: {ex.Message}", ex);
            }
            using (archive)
            {
                var files = archive.Entries.Where(e => !e.FullName.EndsWith("/", StringComparison.Ordinal)).ToList();
                var content = files.Where(e => !IsMacMetadata(e.FullName)).ToList();
                var workflows = content.Where(e => e.FullName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)).ToList();
                if (workflows.Count == 0)
                {
                    var holds = files.Count == 0 ? "it is empty"
                        : content.Count == 0 ? "it holds only macOS metadata: " + string.Join(", ", files.Select(e => e.FullName))
                        : "it holds: " + string.Join(", ", content.Select(e => e.FullName));
                    throw new InvalidDataException($"'{name}' holds no {Extension} file ({holds}).");
                }
                if (workflows.Count > 1)
                    throw new InvalidDataException(
                        $"'{name}' holds {workflows.Count} {Extension} files ({string.Join(", ", workflows.Select(e => e.FullName))}); a flow is imported from exactly one. Unzip it and import each file.");

                var entry = workflows[0];
                using (var entryStream = entry.Open())
                {
                    return new WorkflowFile(path, entry.FullName, ReadPayload(entryStream, entry.Length, Describe(path, entry.FullName)));
                }
            }
        }

        /// <summary>__MACOSX/… (resource forks), AppleDouble "._name" files and Finder's .DS_Store: never flows.</summary>
        internal static bool IsMacMetadata(string entryName)
        {
            var segments = entryName.Split('/');
            var leaf = segments.Last();
            return segments.Any(s => s == "__MACOSX") || leaf.StartsWith("._", StringComparison.Ordinal) || leaf == ".DS_Store";
        }

        /// <summary>Reads the text (ASCII), allowing one trailing line ending, and refuses it with the reason when it is not an export.</summary>
        internal static string ReadPayload(Stream stream, long length, string displayName)
        {
            // Two more for a trailing CR LF; anything longer cannot be valid, so it is not read into memory at all.
            if (length > WorkflowPayload.MaximumHexLength + 2)
                throw new InvalidDataException(WorkflowPayload.Describe(displayName,
                    $"it is {length} bytes; at most {WorkflowPayload.MaximumHexLength} hex digits are accepted"));
            // The length a zip entry declares is the archive's claim, not a fact: the read itself stops one character past
            // the most a valid payload can have, whatever the header said (a small entry that inflates to gigabytes).
            var cap = WorkflowPayload.MaximumHexLength + 2;
            var builder = new StringBuilder((int)Math.Min(Math.Max(length, 0), cap));
            using (var reader = new StreamReader(stream, Encoding.ASCII, false, 64 * 1024, leaveOpen: true))
            {
                var buffer = new char[64 * 1024];
                int read;
                while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
                {
                    builder.Append(buffer, 0, read);
                    if (builder.Length > cap)
                        throw new InvalidDataException(WorkflowPayload.Describe(displayName,
                            $"it holds more than {WorkflowPayload.MaximumHexLength} hex digits (its header declared {length} bytes)"));
                }
            }
            var text = builder.ToString();
            if (text.EndsWith("\r\n", StringComparison.Ordinal)) text = text.Substring(0, text.Length - 2);
            else if (text.EndsWith("\n", StringComparison.Ordinal)) text = text.Substring(0, text.Length - 1);
            var problem = WorkflowPayload.FindProblem(text);
            if (problem != null) throw new InvalidDataException(WorkflowPayload.Describe(displayName, problem));
            return text;
        }

        private static string Describe(string path, string entryName) =>
            entryName == null ? Path.GetFileName(path) : $"{Path.GetFileName(path)} ({entryName})";
    }

    /// <summary>
    /// The kind of a flow cannot be read from its encrypted payload, so Import-ConnectFlow takes -Kind or infers it from a
    /// name: the file's, then the flow's. The first rule that matches wins, in this order: Task Routed, Task Modified, Task
    /// Close (also "Close Task"), Live Chat, Email, Facebook/Messenger, WhatsApp (also the token "WAB"), Apple Messages (also
    /// "AMB"), SMS, webhook, in-app messaging, RCS. Letters are compared without case, spaces or punctuation.
    /// </summary>
    public static class FlowKindInference
    {
        private static readonly (Func<string, string[], bool> Matches, ConnectFlowKind Kind)[] Rules =
        {
            ((c, t) => c.Contains("taskrouted"), ConnectFlowKind.TaskRouted),
            ((c, t) => c.Contains("taskmodified"), ConnectFlowKind.TaskModified),
            ((c, t) => c.Contains("taskclose") || c.Contains("closetask"), ConnectFlowKind.TaskClose),
            ((c, t) => c.Contains("livechat"), ConnectFlowKind.LiveChat),
            ((c, t) => c.Contains("email"), ConnectFlowKind.Email),
            ((c, t) => c.Contains("facebook") || c.Contains("messenger"), ConnectFlowKind.FacebookMessenger),
            ((c, t) => c.Contains("whatsapp") || t.Contains("wab"), ConnectFlowKind.WhatsApp),
            ((c, t) => c.Contains("applemessages") || c.Contains("applebusinesschat") || t.Contains("amb"), ConnectFlowKind.AppleMessagesForBusiness),
            ((c, t) => t.Contains("sms"), ConnectFlowKind.Sms),
            ((c, t) => c.Contains("webhook"), ConnectFlowKind.InboundWebhook),
            ((c, t) => c.Contains("inappmessaging"), ConnectFlowKind.InAppMessaging),
            ((c, t) => t.Contains("rcs"), ConnectFlowKind.Rcs),
        };

        public static bool TryInfer(string name, out ConnectFlowKind kind)
        {
            kind = default(ConnectFlowKind);
            if (string.IsNullOrWhiteSpace(name)) return false;
            var lower = name.ToLowerInvariant();
            var compact = new string(lower.Where(char.IsLetterOrDigit).ToArray());
            var tokens = lower.Split(lower.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);
            foreach (var (matches, result) in Rules)
            {
                if (!matches(compact, tokens)) continue;
                kind = result;
                return true;
            }
            return false;
        }

        /// <summary>The kind from the first of <paramref name="names"/> that tells it; an ArgumentException naming them all when none does.</summary>
        public static ConnectFlowKind Infer(params string[] names)
        {
            foreach (var name in names)
            {
                if (TryInfer(name, out var kind)) return kind;
            }
            var tried = string.Join("' or '", names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct());
            throw new ArgumentException(
                $"The flow kind cannot be told from '{tried}': the payload is encrypted, so the kind comes from -Kind or the name. " +
                $"Pass -Kind (one of {string.Join(", ", Enum.GetNames(typeof(ConnectFlowKind)))}).");
        }
    }
}
