using System.Text;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Readers;
using ChatRag.Ingestion.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Tests.Hostile;

/// <content>Expansion bombs: small files whose text, tables or streams would grow far past the limits.</content>
public sealed partial class HostileInputTests
{
    [Fact]
    public async Task Csv_with_a_million_column_header_is_rejected_without_padding_rows()
    {
        var bytes = HostileFixtures.CsvWideHeader();

        var error = await RejectedAsync<DocumentLimitExceededException>(bytes, "wide.csv");

        Assert.True(bytes.Length < 1_300_000);
        Assert.Contains("1,024", error.Message, StringComparison.Ordinal);
        Assert.Contains("columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_row_of_commas_alone_stops_at_the_column_limit()
    {
        var bytes = Encoding.ASCII.GetBytes("a\n" + new string(',', 3_000_000));

        var error = await RejectedAsync<DocumentLimitExceededException>(bytes, "commas.csv", new IngestionLimitsOptions { MaxTableColumns = 50 });

        Assert.Contains("the limit is 50", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_huge_cell_is_cut_to_the_cell_limit_with_a_warning()
    {
        var document = await Extract.BytesAsync(HostileFixtures.CsvHugeCell(200_000), "cell.csv", new IngestionLimitsOptions { MaxCellCharacters = 1_000 });

        Assert.True(document.Text.Length < 2_000, $"{document.Text.Length} characters");
        Assert.Contains(document.Warnings, w => w.Contains("cut", StringComparison.Ordinal));
        Assert.Contains("second", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_shared_string_bomb_fails_on_the_text_budget_while_the_table_is_built()
    {
        var bytes = HostileFixtures.XlsxSharedStringBomb();

        var error = await RejectedAsync<DocumentLimitExceededException>(bytes, "strings.xlsx");

        Assert.True(bytes.Length < 1024 * 1024, $"{bytes.Length} bytes");
        Assert.Contains("characters of text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_shared_strings_are_cut_once_to_the_cell_limit()
    {
        var document = await Extract.BytesAsync(HostileFixtures.XlsxSharedStringBomb(50_000, 20), "strings.xlsx", new IngestionLimitsOptions { MaxCellCharacters = 100 });

        Assert.InRange(document.Text.Length, 20 * 100, 20 * 120);
    }

    [Fact]
    public async Task Xlsx_columns_past_the_limit_are_left_out_with_a_warning()
    {
        var document = await Extract.BytesAsync(HostileFixtures.XlsxWide(26), "wide.xlsx", new IngestionLimitsOptions { MaxTableColumns = 10 });

        Assert.Contains(document.Warnings, w => w.Contains("column limit", StringComparison.Ordinal));
        Assert.Contains("| 9 |", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("| 10 |", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_part_over_the_xml_part_limit_is_rejected_with_that_reason()
    {
        var limits = new IngestionLimitsOptions { MaxXmlPartCharacters = 1024 * 1024 };

        var error = await RejectedAsync<DocumentLimitExceededException>(HostileFixtures.DocxHugeParagraph(2_000_000), "huge.docx", limits);

        Assert.Contains("MiB of XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_streamed_paragraphs_stop_at_the_text_budget()
    {
        var limits = new IngestionLimitsOptions { MaxExtractedCharacters = 100_000 };

        var error = await RejectedAsync<DocumentLimitExceededException>(HostileFixtures.DocxHugeParagraph(500_000), "long.docx", limits);

        Assert.Contains("100,000 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_nested_a_hundred_thousand_deep_is_rejected_before_any_tree_is_built()
    {
        var bytes = HostileFixtures.DocxDeeplyNested();

        var error = await RejectedAsync<DocumentLimitExceededException>(bytes, "deep.docx");

        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_table_wider_than_the_column_limit_is_rejected()
    {
        var error = await RejectedAsync<DocumentLimitExceededException>(HostileFixtures.DocxWideTable(40), "table.docx", new IngestionLimitsOptions { MaxTableColumns = 32 });

        Assert.Contains("40 columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pptx_slide_text_over_the_budget_is_rejected()
    {
        var limits = new IngestionLimitsOptions { MaxExtractedCharacters = 50_000 };

        var error = await RejectedAsync<DocumentLimitExceededException>(HostileFixtures.PptxHugeSlideText(200_000), "deck.pptx", limits);

        Assert.Contains("characters of text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_chained_flate_bomb_is_stopped_at_the_stream_limit()
    {
        var bytes = HostileFixtures.PdfChainedFlateBomb(64L * 1024 * 1024);

        var error = await RejectedAsync<DocumentLimitExceededException>(bytes, "bomb.pdf", new IngestionLimitsOptions { MaxPdfStreamBytes = 8 * 1024 * 1024 });

        Assert.True(bytes.Length < 64 * 1024, $"{bytes.Length} bytes");
        Assert.Contains("decompression bomb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_lzw_bomb_is_stopped_at_the_stream_limit()
    {
        var bytes = HostileFixtures.PdfLzwBomb(64L * 1024 * 1024);

        var error = await RejectedAsync<DocumentLimitExceededException>(bytes, "lzw.pdf", new IngestionLimitsOptions { MaxPdfStreamBytes = 8 * 1024 * 1024 });

        Assert.True(bytes.Length < 64 * 1024, $"{bytes.Length} bytes");
        Assert.Contains("decompression bomb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_page_with_too_many_letters_is_rejected()
    {
        var error = await RejectedAsync<DocumentLimitExceededException>(HostileFixtures.PdfManyGlyphs(30_000), "glyphs.pdf", new IngestionLimitsOptions { MaxPdfLettersPerPage = 10_000 });

        Assert.Contains("Page 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_page_with_many_words_skips_layout_analysis_and_keeps_every_word()
    {
        var document = await Extract.BytesAsync(HostileFixtures.PdfManyWords(600), "words.pdf", new IngestionLimitsOptions { MaxPdfWordsForLayout = 100 });

        Assert.Contains(document.Warnings, w => w.Contains("without layout analysis", StringComparison.Ordinal));
        Assert.Equal(600, document.Text.Split(' ').Length);
    }

    [Theory]
    [InlineData(long.MaxValue - 10, null, null)]
    [InlineData(null, -1L, null)]
    [InlineData(null, null, long.MaxValue - 4)]
    public async Task Malformed_zip64_records_are_corrupt_not_an_overflow(long? endOffset, long? entries, long? directoryOffset)
    {
        var error = await RejectedAsync<CorruptDocumentException>(ZipFixtures.Zip64(endOffset, entries, directoryOffset), "zip64.docx");

        Assert.Contains("zip directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extraction_over_the_time_budget_fails_with_that_reason()
    {
        var extractor = new DocumentExtractor([new StallingReader()], Options.Create(new IngestionLimitsOptions { ExtractionTimeoutSeconds = 1 }));

        var error = await Assert.ThrowsAsync<DocumentLimitExceededException>(() => extractor.ExtractAsync(Encoding.UTF8.GetBytes("slow text"), "slow.txt"));

        Assert.Contains("longer than 1 seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extraction_stuck_in_code_that_ignores_cancellation_still_fails_at_the_deadline()
    {
        using var release = new ManualResetEventSlim();
        var extractor = new DocumentExtractor([new StubbornReader(release)], Options.Create(new IngestionLimitsOptions { ExtractionTimeoutSeconds = 1 }));

        try
        {
            await Assert.ThrowsAsync<DocumentLimitExceededException>(() => extractor.ExtractAsync(Encoding.UTF8.GetBytes("stuck"), "stuck.txt"));
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_a_timeout()
    {
        var extractor = new DocumentExtractor([new StallingReader()], Options.Create(new IngestionLimitsOptions()));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => extractor.ExtractAsync(Encoding.UTF8.GetBytes("slow text"), "slow.txt", cancel.Token));
    }

    /// <summary>A reader stuck in a call that never looks at the token, like one huge PdfPig page.</summary>
    private sealed class StubbornReader(ManualResetEventSlim release) : IDocumentReader
    {
        public bool CanRead(DocumentKind kind) => true;

        public Task<ExtractedDocument> ReadAsync(Stream content, ReaderContext context, CancellationToken cancellationToken = default)
        {
            release.Wait(TimeSpan.FromMinutes(1));
            throw new InvalidOperationException("released");
        }
    }

    /// <summary>A reader that works until it is told to stop, like a parser stuck on a pathological page.</summary>
    private sealed class StallingReader : IDocumentReader
    {
        public bool CanRead(DocumentKind kind) => true;

        public async Task<ExtractedDocument> ReadAsync(Stream content, ReaderContext context, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
