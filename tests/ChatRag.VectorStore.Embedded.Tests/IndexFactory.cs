using ChatRag.Core.Indexing;
using ChatRag.TestKit.VectorIndex;

namespace ChatRag.VectorStore.Embedded.Tests;

/// <summary>Shared set-up: small dimensions and a low ANN threshold keep graph tests fast.</summary>
internal static class IndexFactory
{
    public const int Dimensions = 32;
    public const string Space = "s";

    public static EmbeddedVectorIndexOptions Options(string directory, int annThreshold = 1_000) => new()
    {
        DataDirectory = directory,
        DurableWrites = false,
        AnnThreshold = annThreshold,
        ExpansionSearch = 128,
    };

    public static async Task<EmbeddedVectorIndex> OpenAsync(EmbeddedVectorIndexOptions options)
    {
        var index = EmbeddedVectorIndex.Create(options);
        await index.EnsureSpaceAsync(new VectorSpace(Space, Dimensions));
        return index;
    }

    public static List<VectorRecord> Records(int seed, long firstId, int count, Guid? documentId = null, string collection = "a")
    {
        var vectors = new SeededVectors(seed, Dimensions);
        var document = documentId ?? Guid.NewGuid();
        return [.. Enumerable.Range(0, count).Select(i => new VectorRecord(firstId + i, document, collection, vectors.Next()))];
    }

    public static Partition Partition(EmbeddedVectorIndex index, string collection = "a") =>
        index.Find(Space)!.PartitionOf(collection)!;
}
