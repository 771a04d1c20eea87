using ChatRag.Core.Indexing;
using ChatRag.VectorStore.Qdrant.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace ChatRag.VectorStore.Qdrant.Tests;

/// <summary>Builds adapters over an in-memory Qdrant with test-friendly options (no retry delay).</summary>
internal static class QdrantTestIndex
{
    public const string Space = "minilm";

    public static async Task<QdrantVectorIndex> OpenAsync(InMemoryQdrantClient server, int dimensions = 8, Action<QdrantOptions>? configure = null)
    {
        var index = Create(server, configure);
        await index.EnsureSpaceAsync(new VectorSpace(Space, dimensions));
        return index;
    }

    public static QdrantVectorIndex Create(IQdrantClient server, Action<QdrantOptions>? configure = null)
    {
        var options = new QdrantOptions { RetryBaseDelay = TimeSpan.Zero };
        configure?.Invoke(options);
        return new QdrantVectorIndex(server, Options.Create(options));
    }

    /// <summary>A unit vector from a few leading components (the rest zero).</summary>
    public static float[] Unit(int dimensions, params float[] components)
    {
        var v = new float[dimensions];
        components.CopyTo(v, 0);
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }
}
