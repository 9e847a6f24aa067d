using System.IO.Compression;
using System.Text;

namespace DigitalChannels.IntegrationTests.Engage;

/// <summary>Small attachments built in the tests: text, a Word document with or without a picture, a PDF with an image XObject.</summary>
internal static class EngageFiles
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Docx(bool withImage)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] content)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
            Add("[Content_Types].xml", Text("<Types/>"));
            Add("word/document.xml", Text("<w:document><w:body><w:p><w:r><w:t>Quote 1234</w:t></w:r></w:p></w:body></w:document>"));
            if (withImage) Add("word/media/image1.png", Png);
        }
        return buffer.ToArray();
    }

    public static byte[] PdfWithImage() => Encoding.Latin1.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
        "3 0 obj << /Type /Page /Parent 2 0 R /Resources << /XObject << /Im1 4 0 R >> >> >> endobj\n" +
        "4 0 obj << /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >> stream\n\x80\nendstream endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\n");

    public static object Upload(string fileName, byte[] content) => new { fileName, contentBase64 = Convert.ToBase64String(content) };
}
