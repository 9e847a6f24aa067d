using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace DigitalChannels.Client.Engage.Attachments
{
    /// <summary>
    /// The file extensions Engage may allow. Webex Connect is PCI compliant and accepts only text-based files
    /// (lab 12.3, rule 19), so image, audio, video and executable formats can never be allowed; the text-based
    /// document formats below can. The sandbox validates settings against this list, and the inspector decides
    /// whether a given document of these formats nevertheless carries images.
    /// </summary>
    public static class AttachmentFormats
    {
        /// <summary>Text-based document formats, allowed in a channel's "Supported File Formats".</summary>
        public static readonly IReadOnlyList<string> TextBased = new[]
        {
            "txt", "csv", "tsv", "log", "md", "json", "xml", "html", "htm", "rtf", "pdf",
            "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp",
        };

        /// <summary>Image formats: refused by extension in settings and recognised by content in files.</summary>
        public static readonly IReadOnlyList<string> Image = new[]
        {
            "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "svg", "ico", "heic", "heif", "avif", "psd",
        };

        private static readonly Regex Shape = new Regex("^[a-z0-9]{1,10}$", RegexOptions.CultureInvariant);

        /// <summary>"PDF", ".pdf", " pdf " → "pdf". The value is not checked against the lists.</summary>
        public static string Normalize(string extension) => (extension ?? string.Empty).Trim().TrimStart('.').ToLowerInvariant();

        /// <summary>The extension of a file name ("Report.PDF" → "pdf"), or an empty string when it has none.</summary>
        public static string ExtensionOf(string fileName)
        {
            var name = (fileName ?? string.Empty).Trim();
            var slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
            if (slash >= 0) name = name.Substring(slash + 1);
            var dot = name.LastIndexOf('.');
            return dot <= 0 || dot == name.Length - 1 ? string.Empty : name.Substring(dot + 1).ToLowerInvariant();
        }

        /// <summary>Null when <paramref name="extension"/> may be allowed, else why not (naming the value).</summary>
        public static string WhyNotAllowable(string extension)
        {
            var normalized = Normalize(extension);
            if (!Shape.IsMatch(normalized))
                return $"'{extension}' is not a file extension (1 to 10 letters or digits, e.g. 'pdf').";
            if (Image.Contains(normalized))
                return $"'{normalized}' is an image format; Engage accepts only text-based files (PCI), so it cannot be allowed.";
            if (!TextBased.Contains(normalized))
                return $"'{normalized}' is not a text-based document format Engage accepts; use any of: {string.Join(", ", TextBased)}.";
            return null;
        }
    }
}
