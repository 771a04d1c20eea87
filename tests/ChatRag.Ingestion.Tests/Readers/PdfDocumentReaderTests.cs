using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Tests.Fixtures;

namespace ChatRag.Ingestion.Tests.Readers;

public sealed class PdfDocumentReaderTests
{
    [Fact]
    public async Task Multi_page_pdf_keeps_text_order_and_page_numbers()
    {
        var document = await Extract.BytesAsync(PdfFixtures.Numbered(4), "report.pdf");

        Assert.Equal(DocumentKind.Pdf, document.Kind);
        Assert.Equal(4, document.PageCount);
        for (var page = 1; page <= 4; page++)
        {
            var pageText = string.Join(" ", document.Blocks.Where(b => b.Page == page).Select(document.TextOf));
            Assert.Contains($"Page {page} line 1 tells about topic{page}", pageText, StringComparison.Ordinal);
            Assert.True(pageText.IndexOf("line 1", StringComparison.Ordinal) < pageText.IndexOf("line 3", StringComparison.Ordinal));
        }

        var firstOfPage = Enumerable.Range(1, 4).Select(p => document.Blocks.First(b => b.Page == p).StartOffset).ToList();
        Assert.Equal(firstOfPage.Order().ToList(), firstOfPage);
    }

    [Fact]
    public async Task Word_regions_locate_each_word_on_its_page()
    {
        var document = await Extract.BytesAsync(PdfFixtures.Numbered(2), "report.pdf");

        var regions = document.Blocks.SelectMany(b => b.Regions).ToList();
        Assert.NotEmpty(regions);
        foreach (var region in regions)
        {
            var word = document.Text[region.StartOffset..region.EndOffset];
            Assert.False(string.IsNullOrWhiteSpace(word));
            Assert.DoesNotContain(' ', word);
            Assert.True(region.Right > region.Left && region.Top > region.Bottom);
        }

        var topic2 = regions.Single(r => document.Text[r.StartOffset..r.EndOffset] == "topic2" && r.Page == 2 && r.Top > 780);
        Assert.InRange(topic2.Left, 60, 400);
    }
}
