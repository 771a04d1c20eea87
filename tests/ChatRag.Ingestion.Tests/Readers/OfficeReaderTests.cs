using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Tests.Fixtures;

namespace ChatRag.Ingestion.Tests.Readers;

public sealed class OfficeReaderTests
{
    [Fact]
    public async Task Docx_headings_lists_and_tables_keep_their_structure()
    {
        var document = await Extract.BytesAsync(OfficeFixtures.WordWithHeadingsAndTable(), "report.docx");
        var blocks = Extract.Blocks(document).ToList();

        Assert.Equal(DocumentKind.Docx, document.Kind);
        var headings = blocks.Where(b => b.Block.Kind == BlockKind.Heading).Select(b => (b.Text, b.Block.HeadingLevel)).ToList();
        Assert.Equal([("Annual Report", 1), ("Introduction", 1), ("Scope", 2), ("Results", 1)], headings);

        var scope = blocks.Single(b => b.Text.StartsWith("This report covers", StringComparison.Ordinal));
        Assert.Equal(["Introduction", "Scope"], scope.Block.HeadingPath);

        var list = blocks.Single(b => b.Block.Kind == BlockKind.List);
        Assert.Equal("- First item of the list\n- Second item of the list", list.Text);

        var table = blocks.Single(b => b.Block.Kind == BlockKind.Table);
        Assert.Equal("| Region | Revenue |\n| --- | --- |\n| North | 120 |\n| South | 80 |", table.Text);
        Assert.Equal(["Results"], table.Block.HeadingPath);
        Assert.Equal(2, table.Block.Page);
        Assert.Equal(1, scope.Block.Page);
    }

    [Fact]
    public async Task Pptx_slides_are_sections_with_their_titles_and_numbers()
    {
        var bytes = OfficeFixtures.Presentation(
            ("Quarterly review", ["Sales rose 10%", "Costs fell"]),
            ("Next steps", ["Hire two engineers"]));

        var document = await Extract.BytesAsync(bytes, "deck.pptx");
        var blocks = Extract.Blocks(document).ToList();

        Assert.Equal(DocumentKind.Pptx, document.Kind);
        Assert.Equal(2, document.PageCount);
        Assert.Equal(["Quarterly review", "Next steps"], blocks.Where(b => b.Block.Kind == BlockKind.Heading).Select(b => b.Text));
        var bullets = blocks.Single(b => b.Text.Contains("Sales rose", StringComparison.Ordinal));
        Assert.Equal(1, bullets.Block.Page);
        Assert.Equal(["Quarterly review"], bullets.Block.HeadingPath);
        var hire = blocks.Single(b => b.Text.Contains("Hire two engineers", StringComparison.Ordinal));
        Assert.Equal(2, hire.Block.Page);
        Assert.Equal(["Next steps"], hire.Block.HeadingPath);
    }

    [Fact]
    public async Task Xlsx_sheets_are_sections_whose_rows_resolve_shared_strings()
    {
        var bytes = OfficeFixtures.Workbook(
            ("Prices", [["Item", "Price"], ["Apple", "1.5"], ["Pear", "2"]]),
            ("Staff", [["Name", "Team"], ["Ada", "Research"]]));

        var document = await Extract.BytesAsync(bytes, "book.xlsx");
        var blocks = Extract.Blocks(document).ToList();

        Assert.Equal(DocumentKind.Xlsx, document.Kind);
        Assert.Equal(["Prices", "Staff"], blocks.Where(b => b.Block.Kind == BlockKind.Heading).Select(b => b.Text));
        var tables = blocks.Where(b => b.Block.Kind == BlockKind.Table).ToList();
        Assert.Equal("| Item | Price |\n| --- | --- |\n| Apple | 1.5 |\n| Pear | 2 |", tables[0].Text);
        Assert.Equal(1, tables[0].Block.Page);
        Assert.Equal("| Name | Team |\n| --- | --- |\n| Ada | Research |", tables[1].Text);
        Assert.Equal(2, tables[1].Block.Page);
        Assert.Equal(["Staff"], tables[1].Block.HeadingPath);
    }

    [Fact]
    public async Task Xlsx_rows_past_the_limit_are_dropped_with_a_warning()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new[] { $"row{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray();
        var limits = new Limits.IngestionLimitsOptions { MaxRowsPerSheet = 10 };

        var document = await Extract.BytesAsync(OfficeFixtures.Workbook(("Big", rows)), "big.xlsx", limits);

        Assert.Contains("row9", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("row10", document.Text, StringComparison.Ordinal);
        Assert.Contains(document.Warnings, w => w.Contains("10 rows", StringComparison.Ordinal));
    }
}
