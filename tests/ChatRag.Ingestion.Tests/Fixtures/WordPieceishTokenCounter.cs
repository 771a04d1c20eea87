using ChatRag.Core.Embeddings;

namespace ChatRag.Ingestion.Tests.Fixtures;

/// <summary>
/// A stand-in for an encoder tokenizer: every whitespace-separated word costs one token per started 6 characters,
/// roughly how WordPiece splits long or rare words. Deterministic and additive over words, so budgets are checkable.
/// </summary>
internal sealed class WordPieceishTokenCounter(int maxTokens = 512) : ITokenCounter
{
    public int MaxTokens { get; } = maxTokens;

    public int Calls { get; private set; }

    public int CountTokens(string text)
    {
        Calls++;
        var tokens = 0;
        var wordLength = 0;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                tokens += (wordLength + 5) / 6;
                wordLength = 0;
            }
            else
            {
                wordLength++;
            }
        }

        return tokens + ((wordLength + 5) / 6);
    }
}
