using DigitalChannels.Client.Engage.Attachments;
using static DigitalChannels.Client.Tests.Engage.SyntheticFiles;

namespace DigitalChannels.Client.Tests.Engage;

/// <summary>The PCI content rule (lab 12.3): text only passes; images, and documents that embed them, do not.</summary>
public class AttachmentInspectorTests
{
    private static AttachmentInspection Inspect(string name, byte[] content) => AttachmentInspector.Inspect(name, content);

    [Theory]
    [InlineData("notes.txt", "Order 1234 shipped.\r\nThank you.")]
    [InlineData("orders.csv", "id,total\n1,10.00\n")]
    [InlineData("data.json", "{\"image\":\"none\",\"text\":\"data:text/plain\"}")]
    [InlineData("BMW.txt", "BMW sales report: BM followed by text is not a bitmap.")]
    [InlineData("page.html", "<!DOCTYPE html><html><body><p>Images are described, not shown: img tags are absent.</p></body></html>")]
    [InlineData("letter.rtf", @"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard Dear customer,\par the \pictures word is text.}")]
    public void Text_files_are_text_only(string name, string text)
    {
        var result = Inspect(name, Text(text));
        Assert.Equal(AttachmentContentVerdict.TextOnly, result.Verdict);
        Assert.True(result.IsTextOnly);
        Assert.Null(result.Evidence);
        Assert.Contains($"'{name}' is text only", result.Message);
    }

    [Fact]
    public void An_empty_file_is_text_only() => Assert.True(Inspect("empty.txt", []).IsTextOnly);

    public static TheoryData<string, byte[], string> ImageFiles => new()
    {
        { "photo.png", Png, "PNG" },
        { "photo.jpg", Jpeg, "JPEG" },
        { "anim.gif", Gif, "GIF" },
        { "scan.bmp", Bmp(), "BMP" },
        { "scan.tif", [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0], "TIFF" },
        { "photo.webp", [.. Text("RIFF"), 4, 0, 0, 0, .. Text("WEBPVP8 ")], "WebP" },
        { "logo.svg", Text("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>"), "SVG" },
    };

    [Theory]
    [MemberData(nameof(ImageFiles))]
    public void Image_files_are_refused_by_their_bytes(string name, byte[] content, string format)
    {
        var result = Inspect(name, content);
        Assert.Equal(AttachmentContentVerdict.ContainsImages, result.Verdict);
        Assert.StartsWith(format, result.DetectedFormat);
        Assert.Contains($"'{name}' contains images", result.Message);
        Assert.Contains("PCI", result.Message);
    }

    [Fact]
    public void An_image_renamed_to_txt_is_still_an_image()
    {
        var result = Inspect("harmless.txt", Png);
        Assert.Equal(AttachmentContentVerdict.ContainsImages, result.Verdict);
        Assert.Equal("PNG image", result.DetectedFormat);
    }

    [Fact]
    public void A_pdf_with_only_text_passes_and_one_with_an_image_xobject_is_refused()
    {
        var text = Inspect("quote.pdf", PdfTextOnly());
        Assert.Equal(AttachmentContentVerdict.TextOnly, text.Verdict);
        Assert.Equal("PDF document", text.DetectedFormat);

        var image = Inspect("quote.pdf", PdfWithImageXObject());
        Assert.Equal(AttachmentContentVerdict.ContainsImages, image.Verdict);
        Assert.Equal("an image XObject (/Subtype /Image)", image.Evidence);
        Assert.Equal("'quote.pdf' contains images (PDF document: an image XObject (/Subtype /Image)); only text-based files are accepted (PCI).", image.Message);
    }

    [Fact]
    public void Images_hidden_in_compressed_pdf_streams_are_found()
    {
        var objectStream = Inspect("modern.pdf", PdfWithImageInObjectStream());
        Assert.Equal(AttachmentContentVerdict.ContainsImages, objectStream.Verdict);
        Assert.Contains("compressed object stream", objectStream.Evidence);

        var inline = Inspect("signed.pdf", PdfWithInlineImage());
        Assert.Equal(AttachmentContentVerdict.ContainsImages, inline.Verdict);
        Assert.Contains("inline image", inline.Evidence);

        Assert.True(Inspect("compressed.pdf", PdfWithCompressedText()).IsTextOnly);
    }

    [Fact]
    public void An_encrypted_pdf_cannot_be_inspected()
    {
        var result = Inspect("secret.pdf", PdfEncrypted());
        Assert.Equal(AttachmentContentVerdict.NotInspectable, result.Verdict);
        Assert.Contains("encrypted", result.Message);
        Assert.False(result.IsTextOnly);
    }

    [Fact]
    public void A_docx_with_a_media_part_is_refused_and_one_without_passes()
    {
        var plain = Inspect("Quote.docx", Docx());
        Assert.Equal(AttachmentContentVerdict.TextOnly, plain.Verdict);
        Assert.Equal("Word document (Office Open XML)", plain.DetectedFormat);

        var withImage = Inspect("Quote.docx", Docx(("word/media/image1.png", Png)));
        Assert.Equal(AttachmentContentVerdict.ContainsImages, withImage.Verdict);
        Assert.Equal("the image part word/media/image1.png", withImage.Evidence);
        Assert.Contains("word/media/image1.png", withImage.Message);
    }

    [Fact]
    public void Office_thumbnails_alone_do_not_count_but_media_of_any_office_kind_does()
    {
        Assert.True(Inspect("Quote.docx", Docx(("docProps/thumbnail.jpeg", Jpeg))).IsTextOnly);
        var sheet = Inspect("Book.xlsx", Xlsx(("xl/media/image2.emf", [1, 0, 0, 0])));
        Assert.Equal(AttachmentContentVerdict.ContainsImages, sheet.Verdict);
        Assert.Equal("Excel workbook (Office Open XML)", sheet.DetectedFormat);
    }

    [Fact]
    public void OpenDocument_pictures_are_refused_but_its_thumbnail_is_not()
    {
        Assert.True(Inspect("letter.odt", Odt()).IsTextOnly);
        var result = Inspect("letter.odt", Odt(("Pictures/10000000000000200000002000D1.png", Png)));
        Assert.Equal(AttachmentContentVerdict.ContainsImages, result.Verdict);
        Assert.Contains("Pictures/10000000000000200000002000D1.png", result.Evidence);
    }

    [Fact]
    public void Rtf_and_html_with_pictures_are_refused()
    {
        var rtf = Inspect("letter.rtf", Text(@"{\rtf1\ansi Dear customer,\par{\pict\pngblip\picw10\pich10 89504e47}}"));
        Assert.Equal(AttachmentContentVerdict.ContainsImages, rtf.Verdict);
        Assert.Contains(@"\pict", rtf.Evidence);

        Assert.Equal(AttachmentContentVerdict.ContainsImages, Inspect("mail.html", Text("<html><body><p>Hi</p><IMG src=\"logo.png\"></body></html>")).Verdict);
        var inline = Inspect("mail.htm", Text("<p>Hi</p><a href=\"x\"><span style=\"x\">data:image/png;base64,iVBORw0KGgo=</span></a>"));
        Assert.Equal(AttachmentContentVerdict.ContainsImages, inline.Verdict);
        Assert.Contains("data:image/", inline.Evidence);
    }

    [Fact]
    public void Legacy_office_files_with_an_embedded_picture_are_refused()
    {
        Assert.True(Inspect("letter.doc", OleWith(Text("no pictures here"))).IsTextOnly);
        var result = Inspect("letter.doc", OleWith(Png));
        Assert.Equal(AttachmentContentVerdict.ContainsImages, result.Verdict);
        Assert.Equal("an embedded PNG image", result.Evidence);
        Assert.Equal(AttachmentContentVerdict.ContainsImages, Inspect("letter.doc", OleWith(Jpeg)).Verdict);
    }

    [Fact]
    public void Damaged_packages_and_unknown_binaries_cannot_be_inspected()
    {
        var broken = Docx()[..40];
        var damaged = Inspect("Quote.docx", broken);
        Assert.Equal(AttachmentContentVerdict.NotInspectable, damaged.Verdict);
        Assert.Contains("'Quote.docx' cannot be inspected", damaged.Message);

        var binary = Inspect("blob.txt", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3]);
        Assert.Equal(AttachmentContentVerdict.NotInspectable, binary.Verdict);
        Assert.Equal("binary data", binary.DetectedFormat);
    }

    [Theory]
    [InlineData("pdf", null)]
    [InlineData(".DOCX", null)]
    [InlineData("png", "'png' is an image format; Engage accepts only text-based files (PCI), so it cannot be allowed.")]
    [InlineData("exe", "'exe' is not a text-based document format Engage accepts")]
    [InlineData("p d f", "'p d f' is not a file extension")]
    public void Only_text_based_formats_can_be_allowed(string extension, string? why)
    {
        var actual = AttachmentFormats.WhyNotAllowable(extension);
        if (why == null) Assert.Null(actual);
        else Assert.StartsWith(why, actual);
    }

    [Theory]
    [InlineData("Report.PDF", "pdf")]
    [InlineData("/tmp/archive.tar.gz", "gz")]
    [InlineData("README", "")]
    [InlineData(".bashrc", "")]
    [InlineData(@"C:\a.b\file", "")]
    public void The_extension_is_read_from_the_file_name(string name, string expected) => Assert.Equal(expected, AttachmentFormats.ExtensionOf(name));
}
