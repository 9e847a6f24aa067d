using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace DigitalChannels.Client.Engage.Attachments
{
    /// <summary>What the inspector concluded about a file's content.</summary>
    public enum AttachmentContentVerdict
    {
        /// <summary>Text only: no image found.</summary>
        TextOnly,
        /// <summary>An image, or a document that embeds one: refused (PCI).</summary>
        ContainsImages,
        /// <summary>The content cannot be looked into (encrypted, corrupt, unknown binary): refused, since it cannot be shown to be text only.</summary>
        NotInspectable,
    }

    /// <summary>The inspector's finding for one file; <see cref="Evidence"/> says what it saw (e.g. "word/media/image1.png").</summary>
    public sealed class AttachmentInspection
    {
        internal AttachmentInspection(string fileName, long sizeBytes, string detectedFormat, AttachmentContentVerdict verdict, string evidence)
        {
            FileName = fileName;
            SizeBytes = sizeBytes;
            DetectedFormat = detectedFormat;
            Verdict = verdict;
            Evidence = evidence;
        }

        public string FileName { get; }
        public long SizeBytes { get; }

        /// <summary>The format found from the content, whatever the file name says: "PDF document", "PNG image", …</summary>
        public string DetectedFormat { get; }

        public AttachmentContentVerdict Verdict { get; }

        /// <summary>What was found: the image part, the PDF object kind, the signature; null for text only.</summary>
        public string Evidence { get; }

        public bool IsTextOnly => Verdict == AttachmentContentVerdict.TextOnly;

        /// <summary>One sentence naming the file and what was found.</summary>
        public string Message
        {
            get
            {
                switch (Verdict)
                {
                    case AttachmentContentVerdict.ContainsImages:
                        return $"'{FileName}' contains images ({DetectedFormat}: {Evidence}); only text-based files are accepted (PCI).";
                    case AttachmentContentVerdict.NotInspectable:
                        return $"'{FileName}' cannot be inspected ({DetectedFormat}: {Evidence}), so it cannot be shown to be text only; only text-based files are accepted (PCI).";
                    default:
                        return $"'{FileName}' is text only ({DetectedFormat}).";
                }
            }
        }
    }

    /// <summary>
    /// Decides whether a file is text only, as Engage's PCI rule requires (lab 12.3: "a document that contains images
    /// in addition to plain text is rejected"). It looks at the bytes, never trusting the name: image files by their
    /// signatures, and documents that embed images — PDF image XObjects and inline images (also inside compressed
    /// object and content streams), Office Open XML media parts, OpenDocument Pictures/, RTF \pict groups, HTML
    /// &lt;img&gt;/&lt;svg&gt;/data:image, and image blobs inside legacy Office (OLE) files. The client runs it before
    /// uploading anything and the sandbox runs the same code on every attachment it checks.
    /// </summary>
    public static class AttachmentInspector
    {
        /// <summary>Decompressed bytes examined per PDF at most, against decompression bombs; beyond it the file is not inspectable.</summary>
        public const long MaximumInflatedBytes = 64L * 1024 * 1024;

        private static readonly byte[] Png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        private static readonly byte[] Ole = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
        private static readonly byte[] Zip = { 0x50, 0x4B, 0x03, 0x04 };
        private static readonly byte[] ZipEmpty = { 0x50, 0x4B, 0x05, 0x06 };

        private static readonly Regex PdfImageXObject = new Regex(@"/Subtype\s*/Image(?![A-Za-z0-9#])", RegexOptions.CultureInvariant);
        private static readonly Regex PdfInlineImage = new Regex(@"(?<![A-Za-z0-9])BI\s*/[A-Za-z]+[\s\S]{0,4096}?[\s]ID[\s]", RegexOptions.CultureInvariant);
        private static readonly Regex FlateOnly = new Regex(@"/Filter\s*(/FlateDecode(?![A-Za-z])|\[\s*/FlateDecode\s*\])", RegexOptions.CultureInvariant);
        private static readonly Regex PdfEncrypt = new Regex(@"/Encrypt\s*(\d+\s+\d+\s+R|<<)", RegexOptions.CultureInvariant);
        private static readonly Regex RtfPicture = new Regex(@"\\(pict|shppict|nonshppict)(?![a-z])", RegexOptions.CultureInvariant);
        private static readonly Regex HtmlImage = new Regex(@"<\s*(img|svg|picture)\b|data:image/|<\s*input\b[^>]*type\s*=\s*[""']?image", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex HtmlDocument = new Regex(@"^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<\s*(!doctype\s+html|html\b|head\b|body\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex SvgDocument = new Regex(@"^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<\s*svg\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static AttachmentInspection Inspect(string fileName, byte[] content)
        {
            if (content == null) throw new ArgumentNullException(nameof(content));
            var name = string.IsNullOrWhiteSpace(fileName) ? "(unnamed)" : fileName.Trim();
            AttachmentInspection Result(string format, AttachmentContentVerdict verdict, string evidence = null) =>
                new AttachmentInspection(name, content.LongLength, format, verdict, evidence);

            if (content.Length == 0) return Result("empty file", AttachmentContentVerdict.TextOnly);

            var image = ImageSignature(content);
            if (image != null) return Result(image + " image", AttachmentContentVerdict.ContainsImages, $"the file is a {image} image (its signature bytes)");

            if (IndexOf(content, Encoding.ASCII.GetBytes("%PDF-"), 0, Math.Min(content.Length, 1024)) >= 0) return InspectPdf(content, Result);
            if (StartsWith(content, Zip) || StartsWith(content, ZipEmpty)) return InspectZip(content, Result);
            if (StartsWith(content, Ole)) return InspectOle(content, Result);

            var text = DecodeText(content);
            if (text == null)
                return Result("binary data", AttachmentContentVerdict.NotInspectable, "the content is binary in a format the inspector does not recognise");
            if (text.TrimStart().StartsWith(@"{\rtf", StringComparison.Ordinal))
            {
                var picture = RtfPicture.Match(text);
                return picture.Success
                    ? Result("RTF document", AttachmentContentVerdict.ContainsImages, $"a picture group ({picture.Value})")
                    : Result("RTF document", AttachmentContentVerdict.TextOnly);
            }
            if (SvgDocument.IsMatch(Head(text))) return Result("SVG image", AttachmentContentVerdict.ContainsImages, "the file is an SVG image (<svg> root element)");
            var extension = AttachmentFormats.ExtensionOf(name);
            if (extension == "html" || extension == "htm" || HtmlDocument.IsMatch(Head(text)))
            {
                var tag = HtmlImage.Match(text);
                return tag.Success
                    ? Result("HTML document", AttachmentContentVerdict.ContainsImages, $"an embedded image ({Shorten(tag.Value)})")
                    : Result("HTML document", AttachmentContentVerdict.TextOnly);
            }
            return Result("plain text", AttachmentContentVerdict.TextOnly);
        }

        /// <summary>The image format whose signature starts the bytes, or null.</summary>
        internal static string ImageSignature(byte[] b)
        {
            if (StartsWith(b, Png)) return "PNG";
            if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "JPEG";
            if (StartsWithAscii(b, "GIF87a") || StartsWithAscii(b, "GIF89a")) return "GIF";
            if (b.Length >= 12 && StartsWithAscii(b, "RIFF") && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return "WebP";
            if (b.Length >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0) || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) return "TIFF";
            if (StartsWithAscii(b, "8BPS")) return "Photoshop";
            if (b.Length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p')
            {
                var brand = Encoding.ASCII.GetString(b, 8, 4);
                if (new[] { "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif", "avis" }.Contains(brand)) return brand.StartsWith("avi", StringComparison.Ordinal) ? "AVIF" : "HEIF";
            }
            // BMP: "BM", the file size at offset 2 and reserved zeros at 6–9, so that a text starting "BM" is not taken for one.
            if (b.Length >= 26 && b[0] == 'B' && b[1] == 'M' && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0 && BitConverter.ToUInt32(b, 2) == (uint)b.Length) return "BMP";
            // ICO/CUR: reserved 0, type 1 or 2, 1 to 255 images.
            if (b.Length >= 22 && b[0] == 0 && b[1] == 0 && (b[2] == 1 || b[2] == 2) && b[3] == 0 && b[4] > 0 && b[5] == 0) return "icon";
            return null;
        }

        private static AttachmentInspection InspectPdf(byte[] content, Func<string, AttachmentContentVerdict, string, AttachmentInspection> result)
        {
            const string format = "PDF document";
            var raw = Latin1(content);
            if (PdfEncrypt.IsMatch(raw)) return result(format, AttachmentContentVerdict.NotInspectable, "it is encrypted");
            if (PdfImageXObject.IsMatch(raw)) return result(format, AttachmentContentVerdict.ContainsImages, "an image XObject (/Subtype /Image)");
            if (PdfInlineImage.IsMatch(raw)) return result(format, AttachmentContentVerdict.ContainsImages, "an inline image (BI … ID … EI)");

            // Object streams (PDF 1.5+) and content streams are usually Flate-compressed: look inside them too.
            long inflatedTotal = 0;
            foreach (var stream in FlateStreams(content, raw))
            {
                var inflated = Inflate(stream, MaximumInflatedBytes - inflatedTotal);
                if (inflated == null) continue; // a damaged stream: a viewer would not show it either
                inflatedTotal += inflated.Length;
                if (inflatedTotal >= MaximumInflatedBytes)
                    return result(format, AttachmentContentVerdict.NotInspectable, $"its compressed streams expand beyond {MaximumInflatedBytes / (1024 * 1024)} MB");
                var text = Latin1(inflated);
                if (PdfImageXObject.IsMatch(text)) return result(format, AttachmentContentVerdict.ContainsImages, "an image XObject (/Subtype /Image) in a compressed object stream");
                if (PdfInlineImage.IsMatch(text)) return result(format, AttachmentContentVerdict.ContainsImages, "an inline image (BI … ID … EI) in a compressed content stream");
            }
            return result(format, AttachmentContentVerdict.TextOnly, null);
        }

        /// <summary>The bytes of each stream whose dictionary names only /FlateDecode as filter.</summary>
        private static IEnumerable<ArraySegment<byte>> FlateStreams(byte[] content, string raw)
        {
            var position = 0;
            while (true)
            {
                var keyword = raw.IndexOf("stream", position, StringComparison.Ordinal);
                if (keyword < 0) yield break;
                position = keyword + 6;
                if (keyword >= 3 && raw.Substring(keyword - 3, 3) == "end") continue;
                var start = position;
                if (start < raw.Length && raw[start] == '\r') start++;
                if (start < raw.Length && raw[start] == '\n') start++;
                else if (start == position) continue; // "stream" must end its line
                // The stream's dictionary: from its object's "obj" keyword (or the nearest "<<") to "stream".
                var window = Math.Min(keyword, 4096);
                var dictionaryStart = raw.LastIndexOf("obj", keyword, window, StringComparison.Ordinal);
                if (dictionaryStart < 0) dictionaryStart = raw.LastIndexOf("<<", keyword, window, StringComparison.Ordinal);
                if (dictionaryStart < 0) continue;
                var dictionary = raw.Substring(dictionaryStart, keyword - dictionaryStart);
                var end = raw.IndexOf("endstream", start, StringComparison.Ordinal);
                if (end < 0) yield break;
                position = end + 9;
                if (!FlateOnly.IsMatch(dictionary)) continue; // other filters (DCT, LZW, chains) are not decoded
                yield return new ArraySegment<byte>(content, start, end - start);
            }
        }

        private static byte[] Inflate(ArraySegment<byte> data, long limit)
        {
            // zlib: a 2-byte header before the deflate data (CMF 0x78 for the usual 32 KB window).
            if (data.Count < 3 || (data.Array[data.Offset] & 0x0F) != 8) return null;
            try
            {
                using (var input = new MemoryStream(data.Array, data.Offset + 2, data.Count - 2))
                using (var deflate = new DeflateStream(input, CompressionMode.Decompress))
                using (var output = new MemoryStream())
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = deflate.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        output.Write(buffer, 0, read);
                        if (output.Length >= limit) break;
                    }
                    return output.ToArray();
                }
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }

        private static AttachmentInspection InspectZip(byte[] content, Func<string, AttachmentContentVerdict, string, AttachmentInspection> result)
        {
            List<string> entries;
            string odfMimeType = null;
            try
            {
                using (var archive = new ZipArchive(new MemoryStream(content, false), ZipArchiveMode.Read))
                {
                    entries = archive.Entries.Select(e => e.FullName).ToList();
                    var mimetype = archive.GetEntry("mimetype");
                    // The declared length is the archive's claim: the read itself stops at 200 bytes, whatever it says.
                    if (mimetype != null && mimetype.Length < 200) odfMimeType = ReadAtMost(mimetype, 200)?.Trim();
                }
            }
            catch (InvalidDataException ex)
            {
                return result("ZIP-based document", AttachmentContentVerdict.NotInspectable, "the package is damaged: " + ex.Message.TrimEnd('.'));
            }

            if (entries.Contains("[Content_Types].xml"))
            {
                var format = entries.Any(e => e.StartsWith("word/", StringComparison.Ordinal)) ? "Word document (Office Open XML)"
                    : entries.Any(e => e.StartsWith("xl/", StringComparison.Ordinal)) ? "Excel workbook (Office Open XML)"
                    : entries.Any(e => e.StartsWith("ppt/", StringComparison.Ordinal)) ? "PowerPoint presentation (Office Open XML)"
                    : "Office Open XML package";
                // Media parts hold the pictures (and audio/video) the author put in; docProps/thumbnail.* is a preview
                // the editor renders of the first page, not content, so it alone does not make a document an image carrier.
                var media = entries.FirstOrDefault(e => Regex.IsMatch(e, @"^[^/]+/media/[^/]+$"))
                    ?? entries.FirstOrDefault(e => !e.StartsWith("docProps/thumbnail", StringComparison.OrdinalIgnoreCase) && HasImageExtension(e));
                return media != null
                    ? result(format, AttachmentContentVerdict.ContainsImages, $"the image part {media}")
                    : result(format, AttachmentContentVerdict.TextOnly, null);
            }

            if ((odfMimeType ?? string.Empty).StartsWith("application/vnd.oasis.opendocument", StringComparison.Ordinal) || entries.Contains("META-INF/manifest.xml"))
            {
                const string format = "OpenDocument";
                // Thumbnails/thumbnail.png is always there (a preview); Pictures/ holds the images of the document.
                var picture = entries.FirstOrDefault(e => e.StartsWith("Pictures/", StringComparison.Ordinal) && !e.EndsWith("/", StringComparison.Ordinal))
                    ?? entries.FirstOrDefault(e => !e.StartsWith("Thumbnails/", StringComparison.Ordinal) && HasImageExtension(e));
                return picture != null
                    ? result(format, AttachmentContentVerdict.ContainsImages, $"the picture {picture}")
                    : result(format, AttachmentContentVerdict.TextOnly, null);
            }

            var imageEntry = entries.FirstOrDefault(HasImageExtension);
            return imageEntry != null
                ? result("ZIP archive", AttachmentContentVerdict.ContainsImages, $"the image {imageEntry}")
                : result("ZIP archive", AttachmentContentVerdict.TextOnly, null);
        }

        /// <summary>An entry's first bytes as ASCII text; null when it inflates past <paramref name="limit"/> bytes.</summary>
        private static string ReadAtMost(ZipArchiveEntry entry, int limit)
        {
            var buffer = new byte[limit + 1];
            var total = 0;
            using (var stream = entry.Open())
            {
                int read;
                while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
            }
            return total > limit ? null : Encoding.ASCII.GetString(buffer, 0, total);
        }

        /// <summary>Legacy Office files (.doc, .xls, .ppt) keep pictures as PNG, JPEG or GIF blobs inside the compound file.</summary>
        private static AttachmentInspection InspectOle(byte[] content, Func<string, AttachmentContentVerdict, string, AttachmentInspection> result)
        {
            const string format = "legacy Office document (OLE compound file)";
            if (IndexOf(content, Png, 8, content.Length) >= 0) return result(format, AttachmentContentVerdict.ContainsImages, "an embedded PNG image");
            foreach (var marker in new[] { "JFIF", "Exif" })
            {
                var jpeg = new byte[] { 0xFF, 0xD8, 0xFF };
                for (var at = IndexOf(content, jpeg, 8, content.Length); at >= 0; at = IndexOf(content, jpeg, at + 1, content.Length))
                {
                    if (at + 10 <= content.Length && Encoding.ASCII.GetString(content, at + 6, 4) == marker)
                        return result(format, AttachmentContentVerdict.ContainsImages, "an embedded JPEG image");
                }
            }
            if (IndexOf(content, Encoding.ASCII.GetBytes("GIF89a"), 8, content.Length) >= 0 || IndexOf(content, Encoding.ASCII.GetBytes("GIF87a"), 8, content.Length) >= 0)
                return result(format, AttachmentContentVerdict.ContainsImages, "an embedded GIF image");
            return result(format, AttachmentContentVerdict.TextOnly, null);
        }

        /// <summary>Image formats by name, with the vector and HD Photo formats Office uses for pictures.</summary>
        private static bool HasImageExtension(string entry)
        {
            var extension = AttachmentFormats.ExtensionOf(entry);
            return AttachmentFormats.Image.Contains(extension) || new[] { "emf", "wmf", "wdp", "jfif" }.Contains(extension);
        }

        /// <summary>The content as text when it is text (UTF-8 with or without BOM, or UTF-16 with BOM), else null.</summary>
        private static string DecodeText(byte[] content)
        {
            if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
                return new StreamReader(new MemoryStream(content), true).ReadToEnd();
            var sample = Math.Min(content.Length, 64 * 1024);
            var control = 0;
            for (var i = 0; i < sample; i++)
            {
                var b = content[i];
                if (b == 0) return null;
                if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) control++;
            }
            if (control > sample / 100 + 1) return null;
            return new UTF8Encoding(false, false).GetString(content);
        }

        private static string Head(string text) => text.Length > 4096 ? text.Substring(0, 4096) : text;

        private static string Shorten(string value)
        {
            var single = Regex.Replace(value, @"\s+", " ");
            return single.Length > 40 ? single.Substring(0, 40) + "…" : single;
        }

        private static string Latin1(byte[] bytes)
        {
            var chars = new char[bytes.Length];
            for (var i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
            return new string(chars);
        }

        private static bool StartsWith(byte[] content, byte[] prefix)
        {
            if (content.Length < prefix.Length) return false;
            for (var i = 0; i < prefix.Length; i++) if (content[i] != prefix[i]) return false;
            return true;
        }

        private static bool StartsWithAscii(byte[] content, string prefix) => StartsWith(content, Encoding.ASCII.GetBytes(prefix));

        private static int IndexOf(byte[] content, byte[] pattern, int from, int to)
        {
            var last = Math.Min(to, content.Length) - pattern.Length;
            for (var i = Math.Max(from, 0); i <= last; i++)
            {
                var match = true;
                for (var j = 0; j < pattern.Length; j++)
                {
                    if (content[i + j] != pattern[j]) { match = false; break; }
                }
                if (match) return i;
            }
            return -1;
        }
    }
}
