using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace DigitalChannels.Client.Connect.Flows
{
    /// <summary>
    /// A flow export read from disk: a <c>.workflow</c> file, or one of the <c>.zip</c> archives Cisco publishes: one
    /// <c>.workflow</c> inside, perhaps in a folder, beside <c>__MACOSX</c>/AppleDouble entries and <c>.DS_Store</c>, which are
    /// skipped (platform facts §4); or, in earlier releases, a <b>bundle</b>: every flow of a release in one zip
    /// (<see cref="ReadAll"/>). A zip is recognised by its signature, not its name, since some are named without ".workflow".
    /// The payload is checked with <see cref="WorkflowPayload"/>; every refusal names the file and the reason.
    /// </summary>
    public sealed class WorkflowFile
    {
        public const string Extension = ".workflow";

        /// <summary>How many folders above the file on disk may tell the kind (Cisco's are at most two up: "Apple Business Messages/Rich message flows/").</summary>
        public const int FolderHintDepth = 3;

        /// <summary>The most hex digits read from one bundle, all flows together: sizes declared in zip headers are never trusted.</summary>
        public const long MaximumBundleHexLength = 4L * WorkflowPayload.MaximumHexLength;

        private WorkflowFile(string sourcePath, string entryName, string payload, bool inBundle)
        {
            SourcePath = sourcePath;
            EntryName = entryName;
            Payload = payload;
            InBundle = inBundle;
            Sha256 = WorkflowPayload.Sha256(payload);
        }

        /// <summary>The file that was read (the zip, for an archive).</summary>
        public string SourcePath { get; }

        /// <summary>The .workflow entry's path inside the zip; null for a plain file.</summary>
        public string EntryName { get; }

        /// <summary>True when the zip holds several flows and this is one of them.</summary>
        public bool InBundle { get; }

        /// <summary>The .workflow file's own name ("Task Routed Flow.workflow").</summary>
        public string FileName => EntryName != null ? EntryName.Split('/').Last() : Path.GetFileName(SourcePath);

        /// <summary>The zip's file name; null for a plain file.</summary>
        public string ZipName => EntryName != null ? Path.GetFileName(SourcePath) : null;

        /// <summary>
        /// The flow name the portal would suggest: the .workflow file's name without the extension (and without the stray
        /// dots of "Flow..workflow"). A single-flow zip whose .workflow is named by a number only is named after the zip.
        /// </summary>
        public string SuggestedName
        {
            get
            {
                var name = WithoutExtension(FileName);
                if (!name.Any(char.IsLetter) && ZipName != null && !InBundle) name = WithoutExtension(ZipName);
                return name;
            }
        }

        /// <summary>
        /// The names that may tell the flow's kind, in the order they are asked: the .workflow file's, the zip's, the folders
        /// inside the zip and then on disk, nearest first (at most <see cref="FolderHintDepth"/> on disk).
        /// </summary>
        public IReadOnlyList<string> KindHints
        {
            get
            {
                var hints = new List<string> { FileName };
                if (ZipName != null) hints.Add(ZipName);
                if (EntryName != null) hints.AddRange(Enumerable.Reverse(EntryName.Split('/')).Skip(1).Where(s => s.Length > 0));
                var directory = new FileInfo(SourcePath).Directory;
                for (var i = 0; i < FolderHintDepth && directory?.Parent != null; i++, directory = directory.Parent) // the root says nothing
                    if (!IsMachineMade(directory.Name)) hints.Add(directory.Name);
                return hints;
            }
        }

        /// <summary>
        /// A temporary folder's generated name (a GUID, a long hex string) tells no kind, though its letters may spell one
        /// ("…-4fb2-…" would read as FB): only names people chose are asked.
        /// </summary>
        internal static bool IsMachineMade(string folderName)
        {
            if (Guid.TryParse(folderName, out _)) return true;
            var hex = folderName.Replace("-", string.Empty);
            return hex.Length >= 8 && hex.All(Uri.IsHexDigit) && hex.Any(char.IsDigit);
        }

        /// <summary>The lower-case hex text, as it will be stored.</summary>
        public string Payload { get; }

        public string Sha256 { get; }

        public int DecodedLength => WorkflowPayload.DecodedLength(Payload);

        /// <summary>"a.zip (X/a.workflow)" or "a.workflow": how messages name the file.</summary>
        public string DisplayName => Describe(SourcePath, EntryName);

        public override string ToString() => DisplayName;

        /// <summary>Reads and checks a .workflow file or a .zip of one; <see cref="InvalidDataException"/> says what is wrong (also for a bundle).</summary>
        public static WorkflowFile Read(string path) => Open(path, allowBundle: false).Single();

        /// <summary>
        /// Reads and checks a .workflow file, a .zip of one, or a bundle (a zip of several): one <see cref="WorkflowFile"/> per
        /// flow, in the order of their paths in the zip. A bad entry refuses the whole bundle, before anything is imported.
        /// </summary>
        public static IReadOnlyList<WorkflowFile> ReadAll(string path) => Open(path, allowBundle: true);

        private static IReadOnlyList<WorkflowFile> Open(string path, bool allowBundle)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The path of the flow file is empty.", nameof(path));
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
                throw new ArgumentException($"'{full}' is a folder, not a flow file; give its files, e.g. '{Path.Combine(full, "*")}'.", nameof(path));
            if (!File.Exists(full)) throw new FileNotFoundException($"The flow file '{full}' does not exist.", full);
            using (var stream = File.OpenRead(full))
            {
                return IsZip(stream)
                    ? ReadZip(stream, full, allowBundle)
                    : new[] { new WorkflowFile(full, null, ReadPayload(stream, Describe(full, null), WorkflowPayload.MaximumHexLength), false) };
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

        private static IReadOnlyList<WorkflowFile> ReadZip(Stream stream, string path, bool allowBundle)
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
                var workflows = content.Where(e => e.FullName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(e => e.FullName, StringComparer.OrdinalIgnoreCase).ToList();
                if (workflows.Count == 0)
                {
                    var holds = files.Count == 0 ? "it is empty"
                        : content.Count == 0 ? "it holds only macOS metadata: " + string.Join(", ", files.Select(e => e.FullName))
                        : "it holds: " + string.Join(", ", content.Select(e => e.FullName));
                    throw new InvalidDataException($"'{name}' holds no {Extension} file ({holds}).");
                }
                var list = string.Join(", ", workflows.Select(e => e.FullName));
                if (workflows.Count > 1 && !allowBundle)
                    throw new InvalidDataException(
                        $"'{name}' is a bundle of {workflows.Count} {Extension} files ({list}); one flow is read from exactly one. Import-ConnectFlow imports each flow of a bundle.");

                var bundle = workflows.Count > 1;
                var read = new List<WorkflowFile>(workflows.Count);
                long budget = MaximumBundleHexLength;
                foreach (var entry in workflows)
                {
                    var display = Describe(path, entry.FullName);
                    if (budget <= 0)
                        throw new InvalidDataException($"'{name}' holds more than {MaximumBundleHexLength} hex digits of flows in all; {display} and after were not read.");
                    string payload;
                    using (var entryStream = entry.Open())
                    {
                        payload = ReadPayload(entryStream, display, (int)Math.Min(WorkflowPayload.MaximumHexLength, budget));
                    }
                    budget -= payload.Length;
                    read.Add(new WorkflowFile(path, entry.FullName, payload, bundle));
                }
                var twice = read.GroupBy(f => f.SuggestedName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
                if (twice != null)
                    throw new InvalidDataException(
                        $"'{name}' holds {twice.Count()} flows named '{twice.Key}' ({string.Join(", ", twice.Select(f => f.EntryName))}); each flow of a bundle is named after its file, so the names must differ.");
                return read;
            }
        }

        /// <summary>__MACOSX/… (resource forks), AppleDouble "._name" files and Finder's .DS_Store: never flows.</summary>
        internal static bool IsMacMetadata(string entryName)
        {
            var segments = entryName.Split('/');
            var leaf = segments.Last();
            return segments.Any(s => s == "__MACOSX") || leaf.StartsWith("._", StringComparison.Ordinal) || leaf == ".DS_Store";
        }

        /// <summary>
        /// Reads the text (ASCII), allowing one trailing line ending, and refuses it with the reason when it is not an export.
        /// At most <paramref name="limit"/> digits (plus a line ending) are read, counted as they arrive: a zip entry's declared
        /// size is never trusted, so a bomb costs no more than the limit.
        /// </summary>
        internal static string ReadPayload(Stream stream, string displayName, int limit)
        {
            var builder = new StringBuilder();
            var buffer = new char[64 * 1024];
            using (var reader = new StreamReader(stream, Encoding.ASCII, false, buffer.Length, leaveOpen: true))
            {
                int count;
                while ((count = reader.Read(buffer, 0, buffer.Length)) > 0)
                {
                    builder.Append(buffer, 0, count);
                    if (builder.Length > limit + 2)
                        throw new InvalidDataException(WorkflowPayload.Describe(displayName,
                            $"it has more than {limit + 2} characters; at most {limit} hex digits are accepted"));
                }
            }
            var text = builder.ToString();
            if (text.EndsWith("\r\n", StringComparison.Ordinal)) text = text.Substring(0, text.Length - 2);
            else if (text.EndsWith("\n", StringComparison.Ordinal)) text = text.Substring(0, text.Length - 1);
            var problem = WorkflowPayload.FindProblem(text);
            if (problem != null) throw new InvalidDataException(WorkflowPayload.Describe(displayName, problem));
            return text;
        }

        private static string WithoutExtension(string fileName)
        {
            var name = fileName;
            if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) name = name.Substring(0, name.Length - 4);
            if (name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)) name = name.Substring(0, name.Length - Extension.Length);
            else if (name.Length == fileName.Length) name = Path.GetFileNameWithoutExtension(name);
            // "Live Chat Q&A Bot Inbound Flow..workflow.zip": the stray dot is not part of the name.
            return name.TrimEnd('.', ' ');
        }

        private static string Describe(string path, string entryName) =>
            entryName == null ? Path.GetFileName(path) : $"{Path.GetFileName(path)} ({entryName})";
    }
}
