using ChatRag.VectorStore.Embedded.Native;
using Cloud.Unum.USearch;
using static ChatRag.VectorStore.Embedded.Native.USearchNative;

namespace ChatRag.VectorStore.Embedded.Ann;

/// <summary>
/// An inner-product HNSW graph (USearch) keyed by chunk id. Not thread-safe for writes; concurrent searches are
/// limited to the configured search threads, because USearch hands each search one of its per-thread contexts.
/// </summary>
internal sealed unsafe class HnswIndex : IDisposable
{
    private readonly SemaphoreSlim searchSlots;
    private readonly HnswParameters parameters;
    private IntPtr handle;

    static HnswIndex() => EnsureLoaded();

    private HnswIndex(IntPtr handle, HnswParameters parameters)
    {
        this.handle = handle;
        this.parameters = parameters;
        searchSlots = new SemaphoreSlim(parameters.SearchThreads, parameters.SearchThreads);
    }

    /// <summary>Vectors in the graph, removed ones excluded.</summary>
    public long Count
    {
        get
        {
            var size = usearch_size(handle, out var error);
            Check(error, "size");
            return (long)size;
        }
    }

    /// <summary>Creates an empty graph.</summary>
    public static HnswIndex Create(int dimensions, HnswParameters parameters)
    {
        // Inner product on unit vectors is cosine without the per-distance normalisation; int8 is only scaled right for cos.
        var metric = parameters.Quantization == ScalarKind.Int8 ? MetricKind.Cos : MetricKind.Ip;
        var options = new IndexOptions(metric, IntPtr.Zero, parameters.Quantization, (ulong)dimensions, (ulong)parameters.Connectivity, (ulong)parameters.ExpansionAdd, (ulong)parameters.ExpansionSearch, false);
        var handle = usearch_init(ref options, out var error);
        Check(error, "init");
        var index = new HnswIndex(handle, parameters);
        index.Reserve(1024);
        return index;
    }

    /// <summary>Loads a saved graph; throws <see cref="USearchException"/> when the file is unreadable.</summary>
    public static HnswIndex Load(string path, int dimensions, HnswParameters parameters)
    {
        var options = default(IndexOptions);
        var handle = usearch_init(ref options, out var error);
        Check(error, "init");
        var index = new HnswIndex(handle, parameters);
        try
        {
            usearch_load(handle, path, out error);
            Check(error, "load");
            var stored = (int)usearch_dimensions(handle, out error);
            Check(error, "dimensions");
            if (stored != dimensions)
            {
                throw new USearchException($"Graph holds {stored}-dimensional vectors, expected {dimensions}.");
            }

            usearch_change_expansion_search(handle, (UIntPtr)parameters.ExpansionSearch, out error);
            Check(error, "expansion");
            index.Reserve(index.Count + 1024);
            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>Adds many vectors in parallel (the build path); vectors are read from <paramref name="vectorOf"/>.</summary>
    public void AddMany(IReadOnlyList<long> keys, Func<int, ReadOnlyMemory<float>> vectorOf)
    {
        Reserve(Count + keys.Count);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parameters.BuildThreads };
        Parallel.For(0, keys.Count, options, i => AddUnchecked(keys[i], vectorOf(i).Span));
    }

    /// <summary>Adds or replaces one vector.</summary>
    public void Upsert(long key, ReadOnlySpan<float> vector)
    {
        Remove(key);
        var capacity = (long)usearch_capacity(handle, out var error);
        Check(error, "capacity");
        if (Count + 1 > capacity)
        {
            Reserve(Math.Max(1024, capacity * 2));
        }

        AddUnchecked(key, vector);
    }

    /// <summary>Removes a key if present; returns whether it was there.</summary>
    public bool Remove(long key)
    {
        var contained = usearch_contains(handle, (ulong)key, out var error);
        Check(error, "contains");
        if (!contained)
        {
            return false;
        }

        usearch_remove(handle, (ulong)key, out error);
        Check(error, "remove");
        return true;
    }

    /// <summary>Approximate nearest keys, best first; returns how many were written.</summary>
    public int Search(ReadOnlySpan<float> query, Span<long> keys)
    {
        var distances = keys.Length <= 256 ? stackalloc float[keys.Length] : new float[keys.Length];
        searchSlots.Wait();
        try
        {
            fixed (float* q = query)
            fixed (long* k = keys)
            fixed (float* d = distances)
            {
                var found = usearch_search(handle, q, ScalarKind.Float32, (UIntPtr)keys.Length, (ulong*)k, d, out var error);
                Check(error, "search");
                return (int)found;
            }
        }
        finally
        {
            searchSlots.Release();
        }
    }

    /// <summary>Changes the search candidate list size (benchmark sweeps).</summary>
    public void SetExpansionSearch(int expansion)
    {
        usearch_change_expansion_search(handle, (UIntPtr)expansion, out var error);
        Check(error, "expansion");
    }

    /// <summary>Writes the graph to a file.</summary>
    public void Save(string path)
    {
        usearch_save(handle, path, out var error);
        Check(error, "save");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (handle != IntPtr.Zero)
        {
            usearch_free(handle, out _);
            handle = IntPtr.Zero;
        }

        searchSlots.Dispose();
    }

    private void AddUnchecked(long key, ReadOnlySpan<float> vector)
    {
        fixed (float* v = vector)
        {
            usearch_add(handle, (ulong)key, v, ScalarKind.Float32, out var error);
            Check(error, "add");
        }
    }

    private void Reserve(long capacity)
    {
        usearch_reserve(handle, (UIntPtr)capacity, out var error);
        Check(error, "reserve");
        // Reserve resets the per-thread contexts; size them for our parallel build and concurrent searches.
        usearch_change_threads_add(handle, (UIntPtr)parameters.BuildThreads, out error);
        Check(error, "threads");
        usearch_change_threads_search(handle, (UIntPtr)parameters.SearchThreads, out error);
        Check(error, "threads");
    }
}
