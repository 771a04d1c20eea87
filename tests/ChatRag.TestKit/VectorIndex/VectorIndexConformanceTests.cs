using ChatRag.Core.Indexing;
using Xunit;

namespace ChatRag.TestKit.VectorIndex;

/// <summary>
/// Behaviour every <see cref="IVectorIndex"/> must show. Derive once per implementation and supply the factory.
/// Contract decisions the suite pins down (adapters must match them):
/// <list type="bullet">
/// <item>Hits are ordered by score descending, equal scores by chunk id ascending.</item>
/// <item>An empty collection list matches nothing: the search returns no hits (it does not throw, and never means "all").</item>
/// <item>Searching or counting a space that was never created returns nothing / zero.</item>
/// </list>
/// </summary>
public abstract partial class VectorIndexConformanceTests : IAsyncLifetime
{
    /// <summary>Vector length used by the suite: small keeps it fast, large enough that random vectors are nearly orthogonal.</summary>
    protected const int Dimensions = 48;

    /// <summary>Main space name used by the suite.</summary>
    protected const string Space = "conformance";

    private readonly List<IVectorIndex> opened = [];

    /// <summary>A fresh, empty directory for this test; removed afterwards.</summary>
    protected string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "chatrag-vector-conformance", Guid.NewGuid().ToString("N"));

    /// <summary>Creates an index that stores its data under <paramref name="dataDirectory"/> (an in-memory fake may ignore it).</summary>
    protected abstract Task<IVectorIndex> CreateIndexAsync(string dataDirectory);

    /// <summary>Releases an index; the default disposes it when it is disposable.</summary>
    protected virtual async Task DisposeIndexAsync(IVectorIndex index)
    {
        switch (index)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var index in opened)
        {
            await DisposeIndexAsync(index).ConfigureAwait(false);
        }

        opened.Clear();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A lingering handle (e.g. a memory map on another OS) must not fail the test; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Opens an index over the test directory with the suite's space created.</summary>
    protected async Task<IVectorIndex> OpenAsync(params string[] spaces)
    {
        var index = await CreateIndexAsync(DataDirectory).ConfigureAwait(false);
        opened.Add(index);
        foreach (var space in spaces.Length == 0 ? [Space] : spaces)
        {
            await index.EnsureSpaceAsync(new VectorSpace(space, Dimensions)).ConfigureAwait(false);
        }

        return index;
    }

    /// <summary>Disposes an index opened by <see cref="OpenAsync"/>.</summary>
    protected async Task CloseAsync(IVectorIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        opened.Remove(index);
        await DisposeIndexAsync(index).ConfigureAwait(false);
    }

    /// <summary>Builds records with seeded random vectors and consecutive chunk ids.</summary>
    protected static List<VectorRecord> Records(SeededVectors vectors, long firstId, int count, Guid documentId, string collection = "a")
    {
        ArgumentNullException.ThrowIfNull(vectors);
        return Enumerable.Range(0, count)
            .Select(i => new VectorRecord(firstId + i, documentId, collection, vectors.Next()))
            .ToList();
    }

    /// <summary>The exact answer: brute-force cosine over the given records, in contract order.</summary>
    protected static List<VectorHit> Exact(IEnumerable<VectorRecord> records, ReadOnlyMemory<float> query, int top) =>
        records
            .Select(r => new VectorHit(r.ChunkId, System.Numerics.Tensors.TensorPrimitives.Dot(r.Vector.Span, query.Span)))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.ChunkId)
            .Take(top)
            .ToList();

    /// <summary>A query over the given collections (default: collection <c>a</c>).</summary>
    protected static VectorQuery Query(ReadOnlyMemory<float> vector, int top, params string[] collections) =>
        new(vector, top, collections.Length == 0 ? ["a"] : collections);

    [Fact]
    public async Task EnsureSpace_is_idempotent()
    {
        var index = await OpenAsync();
        await index.EnsureSpaceAsync(new VectorSpace(Space, Dimensions));
        await index.UpsertAsync(Space, Records(new SeededVectors(1, Dimensions), 1, 3, Guid.NewGuid()));
        await index.EnsureSpaceAsync(new VectorSpace(Space, Dimensions));

        Assert.Equal(3, await index.CountAsync(Space));
    }

    [Fact]
    public async Task EnsureSpace_with_other_dimensions_throws_mismatch()
    {
        var index = await OpenAsync();

        var error = await Assert.ThrowsAsync<VectorSpaceMismatchException>(() => index.EnsureSpaceAsync(new VectorSpace(Space, Dimensions + 1)));

        Assert.Equal(Dimensions, error.Existing);
        Assert.Equal(Dimensions + 1, error.Requested);
    }

    [Fact]
    public async Task Search_returns_the_stored_vector_first_with_score_one()
    {
        var index = await OpenAsync();
        var records = Records(new SeededVectors(2, Dimensions), 100, 300, Guid.NewGuid());
        await index.UpsertAsync(Space, records);

        foreach (var record in records.Where((_, i) => i % 30 == 0))
        {
            var hits = await index.SearchAsync(Space, Query(record.Vector, 5));
            Assert.Equal(record.ChunkId, hits[0].ChunkId);
            Assert.InRange(hits[0].Score, 0.999f, 1.001f);
        }
    }

    [Fact]
    public async Task Search_returns_exact_top_k_in_descending_score_order()
    {
        var index = await OpenAsync();
        var vectors = new SeededVectors(3, Dimensions);
        var records = Records(vectors, 1, 400, Guid.NewGuid());
        await index.UpsertAsync(Space, records);

        for (var q = 0; q < 10; q++)
        {
            var query = vectors.Next();
            var hits = await index.SearchAsync(Space, Query(query, 10));
            var expected = Exact(records, query, 10);

            Assert.Equal(expected.Select(h => h.ChunkId), hits.Select(h => h.ChunkId));
            Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score), "scores must be descending");
            Assert.All(hits.Zip(expected), p => Assert.Equal(p.Second.Score, p.First.Score, 3));
        }
    }

    [Fact]
    public async Task Equal_scores_are_ordered_by_chunk_id()
    {
        var index = await OpenAsync();
        var vectors = new SeededVectors(4, Dimensions);
        var shared = vectors.Next();
        var document = Guid.NewGuid();
        await index.UpsertAsync(Space, [.. new long[] { 30, 10, 20 }.Select(id => new VectorRecord(id, document, "a", shared))]);
        await index.UpsertAsync(Space, Records(vectors, 100, 50, document));

        var hits = await index.SearchAsync(Space, Query(shared, 3));

        Assert.Equal([10L, 20L, 30L], hits.Select(h => h.ChunkId));
    }

    [Fact]
    public async Task Top_larger_than_the_collection_returns_everything()
    {
        var index = await OpenAsync();
        var vectors = new SeededVectors(5, Dimensions);
        await index.UpsertAsync(Space, Records(vectors, 1, 7, Guid.NewGuid()));

        var hits = await index.SearchAsync(Space, Query(vectors.Next(), 50));

        Assert.Equal(7, hits.Count);
        Assert.Equal(7, hits.Select(h => h.ChunkId).Distinct().Count());
    }
}
