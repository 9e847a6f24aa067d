using System.IO.Compression;
using System.Text;

namespace DigitalChannels.Client.Tests.Engage;

/// <summary>Small files built byte by byte in the tests, so that every format the inspector knows is exercised without fixtures.</summary>
internal static class SyntheticFiles
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];
    public static readonly byte[] Gif = Encoding.ASCII.GetBytes("GIF89a\x01\x00\x01\x00\x00\x00\x00;");

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A BMP whose size field matches its length, as real ones do.</summary>
    public static byte[] Bmp()
    {
        var bytes = new byte[58];
        bytes[0] = (byte)'B'; bytes[1] = (byte)'M';
        BitConverter.GetBytes((uint)bytes.Length).CopyTo(bytes, 2);
        bytes[10] = 54;
        return bytes;
    }

    private const string PdfHead = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n";
    private const string TextContent = "BT /F1 12 Tf 72 720 Td (Quote for order 1234) Tj ET";
    private const string Font = "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n";

    /// <summary>A one-page PDF with only text (a Type1 font: its /Subtype must not be taken for an image).</summary>
    public static byte[] PdfTextOnly() => Latin1(PdfHead +
        "3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n" +
        $"4 0 obj << /Length {TextContent.Length} >> stream\n{TextContent}\nendstream endobj\n" + Font + "trailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The same page drawing an image XObject.</summary>
    public static byte[] PdfWithImageXObject() => Latin1(PdfHead +
        "3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >> endobj\n" +
        $"4 0 obj << /Length {TextContent.Length + 20} >> stream\n{TextContent} q 10 0 0 10 0 0 cm /Im1 Do Q\nendstream endobj\n" + Font +
        "6 0 obj << /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >> stream\n\x80\nendstream endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>
    /// A /Subtype /Image dictionary inside a Flate-compressed object stream, invisible in the raw bytes. Real image
    /// XObjects are streams, which object streams cannot hold, so this is the defensive case of a hand-made file.
    /// </summary>
    public static byte[] PdfWithImageInObjectStream() => PdfWithStream("/Type /ObjStm /N 1 /First 4",
        "6 0 << /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>");

    /// <summary>A compressed content stream that draws an inline image (BI … ID … EI).</summary>
    public static byte[] PdfWithInlineImage() => PdfWithStream("",
        "BT /F1 12 Tf 72 720 Td (Signed) Tj ET q 10 0 0 10 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q");

    /// <summary>A compressed content stream with only text.</summary>
    public static byte[] PdfWithCompressedText() => PdfWithStream("", TextContent + " BT (BIG ID numbers) Tj ET");

    public static byte[] PdfEncrypted() => Latin1(PdfHead + "trailer << /Root 1 0 R /Encrypt 9 0 R /ID [<01> <02>] >>\n%%EOF\n");

    private static byte[] PdfWithStream(string dictionary, string content)
    {
        var compressed = Zlib(Latin1(content));
        using var pdf = new MemoryStream();
        void Write(string s) { var b = Latin1(s); pdf.Write(b, 0, b.Length); }
        Write(PdfHead);
        Write("3 0 obj << /Type /Page /Parent 2 0 R /Contents 7 0 R >> endobj\n");
        Write($"7 0 obj << {dictionary} /Filter /FlateDecode /Length {compressed.Length} >> stream\n");
        pdf.Write(compressed, 0, compressed.Length);
        Write("\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>A Word document: [Content_Types].xml and word/document.xml, plus whatever parts are given.</summary>
    public static byte[] Docx(params (string Name, byte[] Content)[] extra) => Zip(
        [("[Content_Types].xml", Text("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")),
         ("word/document.xml", Text("<w:document><w:body><w:p><w:r><w:t>Quote</w:t></w:r></w:p></w:body></w:document>")), .. extra]);

    public static byte[] Xlsx(params (string Name, byte[] Content)[] extra) => Zip(
        [("[Content_Types].xml", Text("<Types/>")), ("xl/workbook.xml", Text("<workbook/>")), .. extra]);

    /// <summary>An OpenDocument text: mimetype first, manifest, content, the thumbnail every ODF file has, plus extras.</summary>
    public static byte[] Odt(params (string Name, byte[] Content)[] extra) => Zip(
        [("mimetype", Text("application/vnd.oasis.opendocument.text")), ("META-INF/manifest.xml", Text("<manifest/>")),
         ("content.xml", Text("<office:document-content/>")), ("Thumbnails/thumbnail.png", Png), .. extra]);

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content, 0, content.Length);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>An OLE compound file header followed by a stream that holds a picture blob, as legacy .doc files keep them.</summary>
    public static byte[] OleWith(byte[] blob)
    {
        var header = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
        return [.. header, .. new byte[504], .. Text("WordDocument text of the letter"), .. blob, .. new byte[64]];
    }

    public static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data, 0, data.Length);
        return output.ToArray();
    }
}
