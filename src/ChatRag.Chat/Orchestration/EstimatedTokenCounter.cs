using ChatRag.Core.Conversations;

namespace ChatRag.Chat.Orchestration;

/// <summary>
/// A tokenizer-free guess for models that do not count for us: three ASCII characters per token (BPE vocabularies
/// average about four on English, so this errs towards trimming) and one token per other character (CJK and
/// symbols often take one or more each).
/// </summary>
/// <param name="contextTokens">The context window to report.</param>
public sealed class EstimatedTokenCounter(int contextTokens) : IPromptTokenCounter
{
    /// <inheritdoc />
    public int ContextTokens => contextTokens;

    /// <inheritdoc />
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int ascii = 0, other = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                ascii++;
            }
            else if (!char.IsLowSurrogate(c))
            {
                other++;
            }
        }

        return ((ascii + 2) / 3) + other;
    }
}
