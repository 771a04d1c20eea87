using System.Text;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Tests.Fixtures;

namespace ChatRag.Ingestion.Tests.Hostile;

/// <summary>Every bad upload ends as a typed, actionable error (or a readable document), never an unhandled crash.</summary>
public sealed partial class HostileInputTests
{
    [Fact]
    public async Task Empty_file_is_rejected_as_empty()
    {
        var error = await RejectedAsync<EmptyDocumentException>([], "empty.pdf");
        Assert.Contains("empty", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Whitespace_only_text_has_nothing_to_index()
    {
        await RejectedAsync<EmptyDocumentException>(Encoding.UTF8.GetBytes("   \n\n\t  \n"), "blank.txt");
    }

    [Fact]
    public async Task File_over_the_size_limit_is_rejected_before_parsing_from_a_stream_too()
    {
        var limits = new IngestionLimitsOptions { MaxFileBytes = 1000 };
        var bytes = Encoding.UTF8.GetBytes(new string('a', 1001));

        var error = await Assert.ThrowsAsync<FileTooLargeException>(() => DocumentExtractor.CreateDefault(limits).ExtractAsync(new MemoryStream(bytes), "big.txt"));

        Assert.Equal(413, error.SuggestedStatusCode);
    }

    [Theory]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0 }, "picture.pdf")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0 }, "program.txt")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 3 }, "archive.md")]
    public async Task Binary_content_is_unsupported_whatever_the_extension(byte[] bytes, string name)
    {
        var error = await RejectedAsync<UnsupportedContentException>(bytes, name);
        Assert.Equal(415, error.SuggestedStatusCode);
    }

    [Fact]
    public async Task A_plain_zip_is_not_an_office_document()
    {
        await RejectedAsync<UnsupportedContentException>(ZipFixtures.Package(("a.txt", "hello")), "files.docx");
    }

    [Fact]
    public async Task Legacy_or_encrypted_office_containers_get_their_own_explanation()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var encrypted = await RejectedAsync<EncryptedDocumentException>(ole, "secret.docx");
        var legacy = await RejectedAsync<UnsupportedContentException>(ole, "old.doc");

        Assert.Contains("password", encrypted.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(".docx", legacy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Encrypted_pdf_says_to_remove_the_password()
    {
        var error = await RejectedAsync<EncryptedDocumentException>(PdfFixtures.Encrypted(), "secret.pdf");
        Assert.Equal("The PDF is password-protected; remove the password and upload it again.", error.Message);
    }

    [Fact]
    public async Task Pdf_header_followed_by_garbage_is_corrupt()
    {
        await RejectedAsync<CorruptDocumentException>(Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('#', 5000)), "junk.pdf");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public async Task Truncated_pdf_is_rejected_as_corrupt(double keep)
    {
        var bytes = PdfFixtures.Numbered(6);
        var cut = bytes[..(int)(bytes.Length * keep)];

        var error = await RejectedAsync<CorruptDocumentException>(cut, "cut.pdf");

        Assert.Contains("damaged or incomplete", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_docx_is_corrupt()
    {
        var bytes = OfficeFixtures.WordWithHeadingsAndTable();
        var error = await RejectedAsync<CorruptDocumentException>(bytes[..(bytes.Length / 2)], "cut.docx");
        Assert.Contains("incomplete", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Office_package_with_broken_xml_is_corrupt()
    {
        var bytes = ZipFixtures.Package(
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("word/document.xml", "this is not xml <<<"));

        await RejectedAsync<CorruptDocumentException>(bytes, "broken.docx");
    }

    [Fact]
    public async Task Zip_bomb_is_rejected_from_the_directory_without_inflating()
    {
        var bomb = ZipFixtures.Bomb(64 * 1024 * 1024);

        var error = await RejectedAsync<DocumentLimitExceededException>(bomb, "bomb.docx");

        Assert.True(bomb.Length < 1024 * 1024);
        Assert.Contains("zip bomb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_lying_about_its_sizes_is_cut_at_the_declared_size_and_rejected_as_corrupt()
    {
        var error = await RejectedAsync<CorruptDocumentException>(ZipFixtures.LyingBomb(32), "lie.docx");

        Assert.IsType<System.Xml.XmlException>(error.InnerException);
    }

    [Fact]
    public async Task Package_expanding_past_the_total_limit_is_rejected()
    {
        var limits = new IngestionLimitsOptions { MaxArchiveUncompressedBytes = 4096 };
        var bytes = OfficeFixtures.Workbook(("S", Enumerable.Range(0, 300).Select(i => new[] { $"text{i}", "1" }).ToArray()));

        await RejectedAsync<DocumentLimitExceededException>(bytes, "book.xlsx", limits);
    }

    [Fact]
    public async Task Package_with_too_many_entries_is_rejected()
    {
        var entries = Enumerable.Range(0, 30).Select(i => ($"x/{i}.xml", "<a/>")).Prepend(("[Content_Types].xml", "<Types/>")).ToArray();

        await RejectedAsync<DocumentLimitExceededException>(ZipFixtures.Package(entries), "many.docx", new IngestionLimitsOptions { MaxArchiveEntries = 20 });
    }

    [Fact]
    public async Task Too_many_pages_sheets_or_slides_are_rejected_with_the_limit()
    {
        var limits = new IngestionLimitsOptions { MaxPages = 3, MaxSheets = 1 };

        var pdf = await RejectedAsync<DocumentLimitExceededException>(PdfFixtures.Numbered(4), "long.pdf", limits);
        await RejectedAsync<DocumentLimitExceededException>(OfficeFixtures.Workbook(("a", [["1"]]), ("b", [["2"]])), "two.xlsx", limits);
        await RejectedAsync<DocumentLimitExceededException>(
            OfficeFixtures.Presentation(("1", ["a"]), ("2", ["b"]), ("3", ["c"]), ("4", ["d"])), "deck.pptx", limits);

        Assert.Contains("4 pages", pdf.Message, StringComparison.Ordinal);
    }

    private static async Task<TException> RejectedAsync<TException>(byte[] bytes, string name, IngestionLimitsOptions? limits = null)
        where TException : DocumentRejectedException
    {
        var error = await Assert.ThrowsAsync<TException>(() => Extract.BytesAsync(bytes, name, limits));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.InRange(error.SuggestedStatusCode, 400, 499);
        return error;
    }

    private static async Task<ExtractedDocument?> ReadOrRejectedAsync(byte[] bytes, string name, IngestionLimitsOptions? limits = null)
    {
        try
        {
            return await Extract.BytesAsync(bytes, name, limits);
        }
        catch (DocumentRejectedException error)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            return null;
        }
    }
}
