using ChatRag.Core.Documents;

namespace ChatRag.Storage.Sqlite.Tests;

internal static class TestData
{
    public static NewDocument Document(string collection = "default", string? name = null, Guid? id = null, string? externalId = null)
    {
        var docId = id ?? Guid.NewGuid();
        return new NewDocument(docId, name ?? $"doc-{docId:N}.txt", collection, docId.ToString("N") + docId.ToString("N"), externalId);
    }

    public static IReadOnlyList<NewChunk> Chunks(params string[] texts) =>
        texts.Select((t, i) => new NewChunk(i, t, Page: i + 1, HeadingPath: $"Part > {i}", StartOffset: i * 100, EndOffset: (i * 100) + t.Length)).ToList();
}
