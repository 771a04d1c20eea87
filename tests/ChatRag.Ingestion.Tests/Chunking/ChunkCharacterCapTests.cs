using ChatRag.Core.Embeddings;
using ChatRag.Ingestion.Chunking;
using ChatRag.Ingestion.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Tests.Chunking;

/// <summary>Chunks are bounded in characters too: a tokenizer may count a megabyte "word" as one unknown token.</summary>
public sealed class ChunkCharacterCapTests
{
    [Fact]
    public async Task A_megabyte_word_counted_as_one_token_is_split_into_pieces_under_the_character_cap()
    {
        var word = new string('x', 1_000_000);
        var document = await Extract.TextAsync($"Before the blob.\n\n{word}\n\nAfter the blob.", "blob.txt");

        var chunks = Chunker(maxCharacters: 4_096).Chunk(document);

        Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, 4_096));
        Assert.Equal(word.Length, chunks.Sum(c => c.Text.Count(ch => ch == 'x')));
        Assert.Contains(chunks, c => c.Text.Contains("Before", StringComparison.Ordinal));
        Assert.Contains(chunks, c => c.Text.Contains("After", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Many_long_unknown_words_do_not_pack_into_one_huge_chunk()
    {
        var words = string.Join(' ', Enumerable.Range(0, 200).Select(i => new string((char)('a' + (i % 26)), 500)));
        var document = await Extract.TextAsync("# Section\n\n" + words, "words.md");

        var chunks = Chunker(maxCharacters: 2_000).Chunk(document);

        Assert.True(chunks.Count >= 50, $"{chunks.Count} chunks");
        Assert.All(chunks, c => Assert.True(c.Text.Length <= 2_000, $"chunk of {c.Text.Length} characters"));
        Assert.All(chunks, c => Assert.Equal(c.ContextPrefix + document.Text[c.StartOffset..c.EndOffset], c.Text));
    }

    [Fact]
    public async Task A_table_row_of_long_cells_is_cut_under_the_character_cap()
    {
        var cell = new string('z', 3_000);
        var document = await Extract.TextAsync($"h1,h2\n{cell},{cell}\nx,y\n", "t.csv");

        var chunks = Chunker(maxCharacters: 1_000).Chunk(document);

        Assert.All(chunks, c => Assert.True(c.Text.Length <= 1_000, $"chunk of {c.Text.Length} characters"));
    }

    private static DocumentChunker Chunker(int maxCharacters) =>
        new(new UnknownLongWords(), Options.Create(new ChunkingOptions { TargetTokens = 256, OverlapRatio = 0, MaxChunkCharacters = maxCharacters }));

    /// <summary>WordPiece's rule for words over 100 characters: one [UNK] token, however long the word.</summary>
    private sealed class UnknownLongWords : ITokenCounter
    {
        private readonly WordPieceishTokenCounter inner = new();

        public int MaxTokens => 512;

        public int CountTokens(string text) =>
            text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Sum(w => w.Length > 100 ? 1 : inner.CountTokens(w));
    }
}
