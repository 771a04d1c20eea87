using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Tests.Fixtures;

namespace ChatRag.Ingestion.Tests.Readers;

public sealed class TextFormatReaderTests
{
    private const string NoisyHtml = """
        <!DOCTYPE html><html><head><title>t</title><style>body{color:red}</style><script>var secret = 1;</script></head>
        <body>
          <nav><a href="/">Home</a> <a href="/about">About us</a></nav>
          <header>Site banner</header>
          <main>
            <h1>Guide</h1>
            <p>First <b>bold</b> paragraph.</p>
            <h2>Details</h2>
            <ul><li>One</li><li>Two</li></ul>
            <table><tr><td><table><tr><th>K</th><th>V</th></tr><tr><td>a</td><td>1</td></tr></table></td><td>Side note</td></tr></table>
            <pre>code line 1
        code line 2</pre>
          </main>
          <aside>Related links</aside>
          <footer>Copyright</footer>
        </body></html>
        """;

    [Fact]
    public async Task Html_keeps_main_content_headings_and_tables_and_drops_chrome()
    {
        var document = await Extract.TextAsync(NoisyHtml, "page.html");
        var blocks = Extract.Blocks(document).ToList();

        Assert.Equal(DocumentKind.Html, document.Kind);
        foreach (var noise in new[] { "secret", "Home", "About us", "Site banner", "Related links", "Copyright", "color:red" })
        {
            Assert.DoesNotContain(noise, document.Text, StringComparison.Ordinal);
        }

        Assert.Equal(["Guide", "Details"], blocks.Where(b => b.Block.Kind == BlockKind.Heading).Select(b => b.Text));
        Assert.Contains(blocks, b => b.Text == "First bold paragraph." && b.Block.HeadingPath.SequenceEqual(["Guide"]));
        Assert.Contains(blocks, b => b.Block.Kind == BlockKind.List && b.Text == "- One\n- Two");
        Assert.Contains(blocks, b => b.Block.Kind == BlockKind.Table && b.Text == "| K | V |\n| --- | --- |\n| a | 1 |");
        Assert.Contains(blocks, b => b.Text == "Side note" && b.Block.HeadingPath.SequenceEqual(["Guide", "Details"]));
        Assert.Contains(blocks, b => b.Block.Kind == BlockKind.Code && b.Text.Contains("code line 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Markdown_headings_paragraphs_code_and_tables_come_from_the_ast()
    {
        const string markdown = """
            # Title

            Intro with *emphasis* and a [link](http://x.test).

            ## Setup

            - install it
            - run it

            ```
            dotnet run
            ```

            | Name | Value |
            |------|-------|
            | a    | 1     |

            ### Deep
            Final words.
            """;

        var document = await Extract.TextAsync(markdown, "readme.md");
        var blocks = Extract.Blocks(document).ToList();

        Assert.Equal(DocumentKind.Markdown, document.Kind);
        Assert.Equal([("Title", 1), ("Setup", 2), ("Deep", 3)], blocks.Where(b => b.Block.Kind == BlockKind.Heading).Select(b => (b.Text, b.Block.HeadingLevel)));
        Assert.Contains(blocks, b => b.Text == "Intro with emphasis and a link.");
        Assert.Contains(blocks, b => b.Block.Kind == BlockKind.List && b.Text == "- install it\n- run it");
        Assert.Contains(blocks, b => b.Block.Kind == BlockKind.Code && b.Text == "dotnet run");
        Assert.Contains(blocks, b => b.Block.Kind == BlockKind.Table && b.Text == "| Name | Value |\n| --- | --- |\n| a | 1 |");
        Assert.Contains(blocks, b => b.Text == "Final words." && b.Block.HeadingPath.SequenceEqual(["Title", "Setup", "Deep"]));
    }

    [Fact]
    public async Task Csv_becomes_one_table_with_quoted_fields_intact()
    {
        var document = await Extract.TextAsync("name,comment\r\nAda,\"likes, commas\"\r\nBob,\"says \"\"hi\"\"\"\r\n", "people.csv");

        Assert.Equal(DocumentKind.Csv, document.Kind);
        var table = Assert.Single(document.Blocks);
        Assert.Equal(BlockKind.Table, table.Kind);
        Assert.Equal("| name | comment |\n| --- | --- |\n| Ada | likes, commas |\n| Bob | says \"hi\" |", document.TextOf(table));
    }

    [Fact]
    public async Task Plain_text_paragraphs_split_on_blank_lines_and_offsets_point_into_the_text()
    {
        var document = await Extract.TextAsync("First para\nstill first.\r\n\r\nSecond para.\n\n\n\nThird.", "notes.txt");

        Assert.Equal(["First para still first.", "Second para.", "Third."], document.Blocks.Select(document.TextOf));
        Assert.Equal("First para still first.\n\nSecond para.\n\nThird.", document.Text);
    }
}
