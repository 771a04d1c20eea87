using ChatRag.Ingestion.Chunking;
using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Tests.Fixtures;

namespace ChatRag.Ingestion.Tests.Chunking;

public sealed class DocumentChunkerTests
{
    [Theory]
    [InlineData(32, 0.0)]
    [InlineData(64, 0.15)]
    [InlineData(128, 0.3)]
    public async Task Chunks_respect_the_budget_and_map_back_to_the_exact_source_text(int target, double overlap)
    {
        var document = await Extract.TextAsync("# Heading\n\n" + Chunkers.Prose(12, 9), "doc.md");
        var chunks = Chunkers.Create(target, overlap).Chunk(document);

        Assert.True(chunks.Count > 3);
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));
        foreach (var chunk in chunks)
        {
            Assert.InRange(chunk.TokenCount, 1, target);
            Assert.Equal(chunk.ContextPrefix + document.Text[chunk.StartOffset..chunk.EndOffset], chunk.Text);
            AssertWordBoundaries(document.Text, chunk);
        }
    }

    [Fact]
    public async Task Every_word_of_the_document_lands_in_some_chunk()
    {
        var document = await Extract.TextAsync(Chunkers.Prose(8, 7), "doc.txt");
        var chunks = Chunkers.Create(48, 0).Chunk(document);

        var covered = new bool[document.Text.Length];
        foreach (var chunk in chunks)
        {
            Array.Fill(covered, true, chunk.StartOffset, chunk.EndOffset - chunk.StartOffset);
        }

        for (var i = 0; i < covered.Length; i++)
        {
            Assert.True(covered[i] || char.IsWhiteSpace(document.Text[i]), $"offset {i} is in no chunk");
        }
    }

    [Fact]
    public async Task Consecutive_chunks_overlap_only_when_asked_and_inside_a_paragraph()
    {
        var document = await Extract.TextAsync(Chunkers.Prose(1, 60), "long.txt");

        // Overlap is carried in whole sentences, so it must be at least one sentence long (these are at most 19 tokens).
        var overlapping = Chunkers.Create(64, 0.5).Chunk(document);
        var disjoint = Chunkers.Create(64, 0).Chunk(document);

        Assert.All(overlapping.Zip(overlapping.Skip(1)), pair => Assert.True(pair.Second.StartOffset < pair.First.EndOffset));
        Assert.All(disjoint.Zip(disjoint.Skip(1)), pair => Assert.True(pair.Second.StartOffset >= pair.First.EndOffset));
        Assert.All(overlapping.Zip(overlapping.Skip(1)), pair => Assert.True(pair.Second.StartOffset > pair.First.StartOffset));
    }

    [Fact]
    public async Task Headings_split_chunks_and_prefix_their_path()
    {
        var markdown = "# Guide\n\nIntro text here.\n\n## Install\n\nRun the installer.\n\n## Use\n\nOpen the app.\n\n### Tips\n\nSave often.";
        var document = await Extract.TextAsync(markdown, "guide.md");

        var chunks = Chunkers.Create(64).Chunk(document);

        Assert.Equal(["Guide", "Guide > Install", "Guide > Use", "Guide > Use > Tips"], chunks.Select(c => c.HeadingPathText));
        Assert.Equal("Guide > Use > Tips\n\nSave often.", chunks[3].Text);
        Assert.Equal("Save often.", document.Text[chunks[3].StartOffset..chunks[3].EndOffset]);
        var record = chunks[1].ToNewChunk();
        Assert.Equal((1, "Guide > Install", chunks[1].StartOffset, chunks[1].EndOffset), (record.Ordinal, record.HeadingPath, record.StartOffset, record.EndOffset));
    }

    [Fact]
    public async Task Without_prefixing_headings_are_part_of_the_text()
    {
        var document = await Extract.TextAsync("# Guide\n\nIntro text here.", "guide.md");

        var chunk = Assert.Single(Chunkers.Create(64, prefix: false).Chunk(document));

        Assert.Equal("Guide\n\nIntro text here.", chunk.Text);
        Assert.Empty(chunk.ContextPrefix);
    }

    [Fact]
    public async Task A_heading_without_content_is_still_indexed()
    {
        var document = await Extract.TextAsync("# A\n\n## Empty\n\n## Full\n\nBody.", "x.md");

        var chunks = Chunkers.Create(64).Chunk(document);

        Assert.Contains(chunks, c => c.Text.EndsWith("Empty", StringComparison.Ordinal));
        Assert.Contains(chunks, c => c.Text == "A > Full\n\nBody.");
    }

    [Fact]
    public async Task A_table_that_fits_stays_whole()
    {
        var markdown = "# T\n\nBefore the table.\n\n| Name | Value |\n|---|---|\n| a | 1 |\n| b | 2 |\n\nAfter the table.";
        var document = await Extract.TextAsync(markdown, "t.md");
        var table = document.TextOf(document.Blocks.Single(b => b.Kind == BlockKind.Table));

        var chunks = Chunkers.Create(24).Chunk(document);

        Assert.Single(chunks, c => c.Text.Contains(table, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_table_too_big_is_split_by_rows_repeating_the_header()
    {
        var rows = string.Join('\n', Enumerable.Range(0, 60).Select(i => $"| item{i} | value number {i} |"));
        var document = await Extract.TextAsync($"# Data\n\n| Name | Value |\n|---|---|\n{rows}", "t.md");

        var chunks = Chunkers.Create(48).Chunk(document);

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, c => Assert.StartsWith("Data\n\n| Name | Value |\n| --- | --- |\n| item", c.Text, StringComparison.Ordinal));
        Assert.All(chunks, c => Assert.InRange(c.TokenCount, 1, 48));
        Assert.All(chunks, c => Assert.Equal(c.ContextPrefix + document.Text[c.StartOffset..c.EndOffset], c.Text));
        var allRows = string.Concat(chunks.Select(c => c.Text));
        Assert.All(Enumerable.Range(0, 60), i => Assert.Contains($"| item{i} |", allRows, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pdf_chunks_carry_the_page_they_come_from_and_do_not_span_pages()
    {
        var document = await Extract.BytesAsync(PdfFixtures.Numbered(3), "r.pdf");

        var chunks = Chunkers.Create(256).Chunk(document);

        Assert.Equal([1, 2, 3], chunks.Select(c => c.Page));
        Assert.All(chunks, c => Assert.Contains($"topic{c.Page}", c.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_huge_word_is_cut_only_because_nothing_else_fits()
    {
        var blob = new string('x', 5000);
        var document = await Extract.TextAsync($"Start words. {blob} end words.", "b.txt");

        var chunks = Chunkers.Create(32, 0).Chunk(document);

        Assert.All(chunks, c => Assert.InRange(c.TokenCount, 1, 32));
        Assert.Equal(blob.Length, chunks.Sum(c => c.Text.Count(ch => ch == 'x')));
    }

    [Fact]
    public void The_budget_never_exceeds_what_the_encoder_accepts()
    {
        var chunker = Chunkers.Create(targetTokens: 1024, maxTokens: 128);

        Assert.Equal(120, chunker.Budget);
    }

    private static void AssertWordBoundaries(string text, DocumentChunk chunk)
    {
        Assert.False(chunk.StartOffset > 0 && char.IsLetterOrDigit(text[chunk.StartOffset - 1]) && char.IsLetterOrDigit(text[chunk.StartOffset]), $"chunk {chunk.Ordinal} starts inside a word");
        Assert.False(chunk.EndOffset < text.Length && char.IsLetterOrDigit(text[chunk.EndOffset - 1]) && char.IsLetterOrDigit(text[chunk.EndOffset]), $"chunk {chunk.Ordinal} ends inside a word");
    }
}
