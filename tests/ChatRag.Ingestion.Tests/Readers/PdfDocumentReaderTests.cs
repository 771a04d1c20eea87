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

    [Fact]
    public async Task Larger_type_becomes_headings_whose_path_carries_across_pages()
    {
        var document = await Extract.BytesAsync(PdfFixtures.WithHeadings(), "report.pdf");
        var blocks = Extract.Blocks(document).ToList();

        Assert.Equal([("Annual Report", 1), ("Results", 2)], blocks.Where(b => b.Block.Kind == BlockKind.Heading).Select(b => (b.Text, b.Block.HeadingLevel)));
        var costs = blocks.Single(b => b.Text.Contains("Costs stayed flat", StringComparison.Ordinal));
        Assert.Equal(2, costs.Block.Page);
        Assert.Equal(["Annual Report", "Results"], costs.Block.HeadingPath);
    }
}
