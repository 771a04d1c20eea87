using ChatRag.Core.Documents;
using ChatRag.Core.Retrieval;

namespace ChatRag.Chat.Tests;

/// <summary>Numbered sources for tests: source n is the n-th text.</summary>
internal static class Sources
{
    public static IReadOnlyList<RetrievedChunk> Of(params string[] texts) =>
        texts.Select((t, i) => new RetrievedChunk(
            new ChunkRecord(100 + i, Guid.NewGuid(), $"doc{i + 1}.txt", "default", 0, t, i + 1, null, 10 * i, (10 * i) + t.Length),
            1.0 / (i + 1),
            new Dictionary<string, int> { ["bm25"] = i + 1 })).ToList();
}
