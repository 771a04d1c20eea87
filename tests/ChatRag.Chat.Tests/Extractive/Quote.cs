using ChatRag.Chat.Extractive;
using ChatRag.Core.Retrieval;

namespace ChatRag.Chat.Tests.Extractive;

/// <summary>The extractive answer without an encoder, with the lowest evidence bar (any shared content word).</summary>
internal static class Quote
{
    public static async Task<string> AnswerAsync(string question, IReadOnlyList<RetrievedChunk> sources, int maxSentences) =>
        (await ExtractiveAnswerer.AnswerAsync(question, sources, null, maxSentences, double.Epsilon, 0)).Text;
}
