using ChatRag.Ingestion.Chunking;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Tests.Fixtures;

internal static class Chunkers
{
    public static DocumentChunker Create(int targetTokens = 64, double overlap = 0.15, bool prefix = true, int maxTokens = 512) =>
        new(new WordPieceishTokenCounter(maxTokens), Options.Create(new ChunkingOptions { TargetTokens = targetTokens, OverlapRatio = overlap, PrefixHeadings = prefix }));

    /// <summary>Deterministic prose: sentences of varying length, several paragraphs.</summary>
    public static string Prose(int paragraphs, int sentencesPerParagraph, int seed = 7)
    {
        var random = new Random(seed);
        string[] words = ["retrieval", "model", "document", "page", "vector", "index", "query", "answer", "passage", "token", "encoder", "citation", "the", "a", "of", "and"];
        var result = new System.Text.StringBuilder();
        for (var p = 0; p < paragraphs; p++)
        {
            for (var s = 0; s < sentencesPerParagraph; s++)
            {
                var length = random.Next(4, 18);
                var sentence = string.Join(' ', Enumerable.Range(0, length).Select(_ => words[random.Next(words.Length)]));
                result.Append(char.ToUpperInvariant(sentence[0])).Append(sentence[1..]).Append($" p{p}s{s}. ");
            }

            result.Append("\n\n");
        }

        return result.ToString();
    }
}
