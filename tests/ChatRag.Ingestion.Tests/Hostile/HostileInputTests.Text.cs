using System.Text;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Tests.Fixtures;

namespace ChatRag.Ingestion.Tests.Hostile;

public sealed partial class HostileInputTests
{
    [Fact]
    public async Task Html_nested_ten_thousand_deep_is_read_without_recursion()
    {
        const int depth = 10_000;
        var html = "<!DOCTYPE html><html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";

        var document = await Extract.TextAsync(html, "deep.html");

        Assert.Contains("deep text", document.Text, StringComparison.Ordinal);
        Assert.Contains(document.Warnings, w => w.Contains("nests deeper", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Markdown_quotes_nested_thousands_deep_do_not_crash()
    {
        var markdown = string.Concat(Enumerable.Repeat("> ", 5_000)) + "deep quote";

        var document = await ReadOrRejectedAsync(Encoding.UTF8.GetBytes(markdown), "deep.md");

        Assert.True(document is null || document.Text.Contains("deep quote", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fifty_megabyte_single_line_is_rejected_by_the_text_limit()
    {
        var line = Encoding.UTF8.GetBytes(new string('w', 50 * 1024 * 1024));

        var error = await RejectedAsync<DocumentLimitExceededException>(line, "line.txt");

        Assert.Contains("characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_single_line_within_limits_is_chunked_within_budget()
    {
        var line = string.Join(' ', Enumerable.Range(0, 40_000).Select(i => $"w{i}"));

        var document = await Extract.TextAsync(line, "line.txt");
        var chunks = Chunkers.Create(128).Chunk(document);

        Assert.All(chunks, c => Assert.InRange(c.TokenCount, 1, 128));
        Assert.Contains(chunks, c => c.Text.EndsWith("w39999", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_utf8_is_replaced_with_a_warning_or_rejected_by_policy()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Caf"), 0xE9, .. Encoding.UTF8.GetBytes(" au lait, ok.")];

        var replaced = await Extract.BytesAsync(bytes, "latin1.txt");
        var strict = new IngestionLimitsOptions { ReplaceInvalidText = false };

        Assert.Equal("Caf\uFFFD au lait, ok.", replaced.Text);
        Assert.Contains(replaced.Warnings, w => w.Contains("UTF-8", StringComparison.Ordinal));
        await RejectedAsync<InvalidTextEncodingException>(bytes, "latin1.txt", strict);
    }

    [Fact]
    public async Task Utf16_with_bom_is_read_as_text()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Hello UTF-16.")).ToArray();

        var document = await Extract.BytesAsync(bytes, "u16.txt");

        Assert.Equal("Hello UTF-16.", document.Text);
    }

    [Fact]
    public async Task Wrong_extension_content_wins_and_is_recorded()
    {
        var pdfNamedDocx = await Extract.BytesAsync(PdfFixtures.Numbered(1), "report.docx");
        var docxNamedPdf = await Extract.BytesAsync(OfficeFixtures.WordWithHeadingsAndTable(), "report.pdf");
        var htmlNamedTxt = await Extract.TextAsync("<!DOCTYPE html><html><body><p>Hi there.</p></body></html>", "page.txt");

        Assert.Equal(DocumentKind.Pdf, pdfNamedDocx.Kind);
        Assert.Equal(DocumentKind.Docx, docxNamedPdf.Kind);
        Assert.Equal(DocumentKind.Html, htmlNamedTxt.Kind);
        Assert.Contains(pdfNamedDocx.Warnings, w => w.Contains("Docx", StringComparison.Ordinal) && w.Contains("Pdf", StringComparison.Ordinal));
        Assert.Contains(docxNamedPdf.Warnings, w => w.Contains("read as Docx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Randomly_damaged_documents_never_escape_as_untyped_errors()
    {
        var originals = new (byte[] Bytes, string Name)[]
        {
            (PdfFixtures.Numbered(2), "a.pdf"),
            (OfficeFixtures.WordWithHeadingsAndTable(), "a.docx"),
            (OfficeFixtures.Presentation(("T", ["x", "y"])), "a.pptx"),
            (OfficeFixtures.Workbook(("S", [["a", "1"], ["b", "2"]])), "a.xlsx"),
        };
        var random = new Random(1234);
        foreach (var (bytes, name) in originals)
        {
            for (var round = 0; round < 25; round++)
            {
                var damaged = (byte[])bytes.Clone();
                for (var flips = 0; flips < 1 + (round % 8); flips++)
                {
                    damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                }

                await ReadOrRejectedAsync(damaged, name);
            }
        }
    }
}
