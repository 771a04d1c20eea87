using System.Collections.Concurrent;
using ChatRag.Core.Conversations;
using Microsoft.Extensions.AI;

namespace ChatRag.Chat.Orchestration;

/// <summary>
/// A tokenizer-free guess for models that do not count for us: three ASCII characters per token (BPE vocabularies
/// average about four on English, so this errs towards trimming) and one token per other character (CJK and
/// symbols often take one or more each).
/// </summary>
/// <param name="contextTokens">The context window to report.</param>
public sealed class EstimatedTokenCounter(int contextTokens) : IPromptTokenCounter
{
    private static readonly ConcurrentDictionary<int, EstimatedTokenCounter> Shared = new();

    /// <summary>
    /// The counter <paramref name="client"/> offers (the local decoder's own tokenizer and window), else the estimate
    /// for <paramref name="contextTokens"/>. A client that fails to load cannot count: the estimate stands in, and the
    /// generation call reports the failure itself. One estimate per window size is shared, so the prompt budget's
    /// per-counter cache holds across turns.
    /// </summary>
    /// <param name="client">The chat client, or null when there is none.</param>
    /// <param name="contextTokens">The window to assume when the client does not count.</param>
    /// <returns>The counter to trim and count with.</returns>
    public static IPromptTokenCounter For(IChatClient? client, int contextTokens)
    {
        try
        {
            if (client?.GetService<IPromptTokenCounter>() is { } own)
            {
                return own;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Falls through to the estimate.
        }

        return Shared.GetOrAdd(contextTokens, static size => new EstimatedTokenCounter(size));
    }

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
