using ChatRag.Core.Evaluation;
using ChatRag.Ingestion.Chunking;
using ChatRag.Ingestion.Tests.Fixtures;
using ChatRag.TextAnalysis.Sentences;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Tests.Chunking;

public sealed class SentenceAndEvalChunkerTests
{
    [Fact]
    public void Sentences_split_after_terminators_but_not_after_abbreviations_initials_or_decimals()
    {
        const string text = "Dr. Smith met J. R. Doe at 3.5 p.m. on Monday. It rained, e.g. a lot! Did it stop? Yes. 雨が降った。晴れた。";

        var sentences = SentenceSplitter.Split(text, 0, text.Length).Select(s => text[s.Start..s.End]).ToList();

        Assert.Equal(["Dr. Smith met J. R. Doe at 3.5 p.m. on Monday.", "It rained, e.g. a lot!", "Did it stop?", "Yes.", "雨が降った。", "晴れた。"], sentences);
    }

    [Fact]
    public void Eval_chunker_prefixes_the_title_and_names_its_configuration()
    {
        var options = Options.Create(new ChunkingOptions { TargetTokens = 32, OverlapRatio = 0.15 });
        var chunker = new StructuredEvalChunker(new DocumentChunker(new WordPieceishTokenCounter(), options), options);

        var chunks = chunker.Chunk(new BeirDocument("d1", "Vitamin D", Chunkers.Prose(2, 6)));

        Assert.Equal("structured-32-0.15-prefix", chunker.Name);
        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.StartsWith("Vitamin D\n\n", c.Text, StringComparison.Ordinal));
        Assert.All(chunks, c => Assert.Equal("Vitamin D", c.HeadingPath));
    }
}
