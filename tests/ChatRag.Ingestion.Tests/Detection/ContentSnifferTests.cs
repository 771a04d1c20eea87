using System.Text;
using ChatRag.Ingestion.Detection;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Tests.Fixtures;

namespace ChatRag.Ingestion.Tests.Detection;

public sealed class ContentSnifferTests
{
    private static readonly IngestionLimitsOptions Limits = new();

    [Fact]
    public void Office_packages_are_told_apart_by_their_main_part()
    {
        Assert.Equal(DocumentKind.Docx, Detect(OfficeFixtures.WordWithHeadingsAndTable(), "x.bin").Kind);
        Assert.Equal(DocumentKind.Pptx, Detect(OfficeFixtures.Presentation(("t", ["b"])), "x").Kind);
        Assert.Equal(DocumentKind.Xlsx, Detect(OfficeFixtures.Workbook(("s", [["a"]])), "x.zip").Kind);
    }

    [Theory]
    [InlineData("%PDF-1.4\n", "a.txt", DocumentKind.Pdf)]
    [InlineData("junk before\n%PDF-1.4\n", "a", DocumentKind.Pdf)]
    [InlineData("<!doctype html><p>x", "a.md", DocumentKind.Html)]
    [InlineData("  <html><body>x</body></html>", "a", DocumentKind.Html)]
    [InlineData("<div>fragment</div>", "a.htm", DocumentKind.Html)]
    [InlineData("<div>fragment</div>", "a.txt", DocumentKind.Text)]
    [InlineData("# Title\n\ntext", "a.md", DocumentKind.Markdown)]
    [InlineData("# Title\n\ntext", "a.txt", DocumentKind.Text)]
    [InlineData("a,b\n1,2", "a.CSV", DocumentKind.Csv)]
    [InlineData("a\tb\n1\t2", "a.tsv", DocumentKind.Csv)]
    [InlineData("just words", null, DocumentKind.Text)]
    public void Text_formats_come_from_content_then_extension(string content, string? name, DocumentKind expected)
    {
        Assert.Equal(expected, Detect(Encoding.UTF8.GetBytes(content), name).Kind);
    }

    [Fact]
    public void Disagreement_between_extension_and_content_is_recorded_but_text_flavours_are_not()
    {
        var pdfAsDocx = Detect(Encoding.ASCII.GetBytes("%PDF-1.7\n"), "x.docx");
        var textAsMarkdown = Detect(Encoding.UTF8.GetBytes("plain"), "x.md");

        Assert.Equal(DocumentKind.Docx, pdfAsDocx.ExtensionKind);
        Assert.NotNull(pdfAsDocx.Warning);
        Assert.Null(textAsMarkdown.Warning);
    }

    private static DetectedContent Detect(byte[] bytes, string? name) => ContentSniffer.Detect(bytes, name, Limits);
}
