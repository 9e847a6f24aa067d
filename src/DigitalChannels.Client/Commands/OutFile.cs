using System;
using System.IO;
using System.Text;

namespace DigitalChannels.Client.Commands
{
    /// <summary>
    /// -OutFile of the cmdlets that download (a transcript, a log export): a file, or an existing folder to put the file in
    /// under its own name; written without replacing a file unless -Force.
    /// </summary>
    internal static class OutFile
    {
        /// <summary>The file to write: <paramref name="outFile"/> itself, or <paramref name="fileNameInFolder"/> inside it when it is a folder.</summary>
        public static string Resolve(string outFile, string fileNameInFolder)
        {
            if (string.IsNullOrWhiteSpace(outFile)) throw new ArgumentException("-OutFile is empty.", nameof(outFile));
            string full;
            try
            {
                full = Path.GetFullPath(outFile);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                throw new ArgumentException($"-OutFile '{outFile}' is not a valid path: {ex.Message}", nameof(outFile));
            }
            if (Directory.Exists(full)) return Path.Combine(full, SafeFileName(fileNameInFolder));
            var folder = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
                throw new ArgumentException($"The folder '{folder}' of -OutFile '{full}' does not exist.", nameof(outFile));
            return full;
        }

        /// <summary>A server-given name as a file name: characters no file name may hold become '_'.</summary>
        public static string SafeFileName(string name)
        {
            var safe = new StringBuilder();
            foreach (var c in name) safe.Append(Array.IndexOf(Path.GetInvalidFileNameChars(), c) >= 0 ? '_' : c);
            return safe.ToString();
        }

        /// <summary>Writes UTF-8 text; an existing file only with <paramref name="force"/>. <paramref name="what"/> names the content in errors.</summary>
        public static FileInfo Write(string path, string content, bool force, string what)
        {
            try
            {
                // CreateNew refuses an existing file atomically: nothing is replaced between a check and the write.
                using (var stream = new FileStream(path, force ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.None))
                using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
                {
                    writer.Write(content);
                }
            }
            catch (IOException) when (!force && File.Exists(path))
            {
                throw new ArgumentException($"The file '{path}' already exists; use -Force to overwrite it.", nameof(path));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"The {what} cannot be written to '{path}': {ex.Message}", ex);
            }
            return new FileInfo(path);
        }
    }
}
