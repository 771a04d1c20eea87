using System.Diagnostics;
using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using ChatRag.Core.Indexing;
using ChatRag.VectorStore.Embedded.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRag.VectorStore.Embedded;

/// <summary>
/// The in-process <see cref="IVectorIndex"/>: vectors live under <c>&lt;DataDirectory&gt;/vectors/&lt;space&gt;/</c>, one
/// checksummed journal per (space, collection). Partitions below <see cref="EmbeddedVectorIndexOptions.AnnThreshold"/>
/// are searched exactly with SIMD dot products; larger ones through a persisted USearch HNSW graph with exact re-scoring.
/// Scores are cosine similarities (vectors are normalised on the way in). An empty collection list matches nothing.
/// Thread-safe; dispose to save graphs and close files.
/// </summary>
public sealed partial class EmbeddedVectorIndex : IVectorIndex, IDisposable
{
    private readonly Lock spacesGate = new();
    private readonly Dictionary<string, VectorSpaceStore> spaces = new(StringComparer.Ordinal);
    private readonly EmbeddedVectorIndexOptions options;
    private readonly ILogger logger;
    private readonly string root;
    private bool loaded;
    private bool disposed;

    /// <summary>Creates the index over the configured data directory; files are read on first use.</summary>
    public EmbeddedVectorIndex(IOptions<EmbeddedVectorIndexOptions> options, ILogger<EmbeddedVectorIndex>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        root = Path.GetFullPath(Path.Combine(this.options.DataDirectory, "vectors"));
    }

    /// <inheritdoc />
    public string Name => "embedded";

    /// <summary>Creates an index from options, without dependency injection (CLI, tests, benchmarks).</summary>
    public static EmbeddedVectorIndex Create(EmbeddedVectorIndexOptions options, ILogger<EmbeddedVectorIndex>? logger = null) =>
        new(Options.Create(options), logger);

    /// <inheritdoc />
    public Task EnsureSpaceAsync(VectorSpace space, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentOutOfRangeException.ThrowIfLessThan(space.Dimensions, 1);
        if (!SpaceName().IsMatch(space.Name))
        {
            throw new ArgumentException($"Vector space name '{space.Name}' must be letters, digits, '.', '-' or '_' (it names a folder).", nameof(space));
        }

        lock (spacesGate)
        {
            LoadOnce();
            if (spaces.TryGetValue(space.Name, out var existing))
            {
                if (existing.Dimensions != space.Dimensions)
                {
                    throw new VectorSpaceMismatchException(space.Name, existing.Dimensions, space.Dimensions);
                }
            }
            else
            {
                spaces[space.Name] = VectorSpaceStore.Create(Path.Combine(root, space.Name), space, options, logger);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpsertAsync(string space, IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        var store = Find(space) ?? throw new InvalidOperationException($"Vector space '{space}' does not exist; call EnsureSpaceAsync first.");
        using var activity = EmbeddedVectorIndexTelemetry.Source.StartActivity("vector upsert");
        activity?.SetTag("chatrag.vector.space", space);
        activity?.SetTag("chatrag.vector.count", records.Count);
        var prepared = new List<(VectorRecord, float[])>(records.Count);
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record.Collection);
            prepared.Add((record, Normalized(record.Vector.Span, store.Dimensions, nameof(records))));
        }

        store.Upsert(prepared);
        EmbeddedVectorIndexTelemetry.Upserted.Add(records.Count);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteDocumentAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        using var activity = EmbeddedVectorIndexTelemetry.Source.StartActivity("vector delete document");
        var deleted = 0;
        foreach (var store in Snapshot())
        {
            deleted += store.DeleteDocument(documentId);
        }

        activity?.SetTag("chatrag.vector.count", deleted);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<VectorHit>> SearchAsync(string space, VectorQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Collections);
        cancellationToken.ThrowIfCancellationRequested();
        var store = Find(space);
        if (store is null || query.Top <= 0 || query.Collections.Count == 0 || query.Documents is { Count: 0 })
        {
            return Task.FromResult<IReadOnlyList<VectorHit>>([]);
        }

        using var activity = EmbeddedVectorIndexTelemetry.Source.StartActivity("vector search");
        activity?.SetTag("chatrag.vector.space", space);
        activity?.SetTag("chatrag.vector.top", query.Top);
        var started = Stopwatch.GetTimestamp();
        var hits = store.Search(Normalized(query.Vector.Span, store.Dimensions, nameof(query)), query.Top, query.Collections, query.Documents);
        EmbeddedVectorIndexTelemetry.SearchDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("space", space));
        return Task.FromResult<IReadOnlyList<VectorHit>>(hits);
    }

    /// <inheritdoc />
    public Task<long> CountAsync(string space, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(space)?.Count() ?? 0);

    /// <inheritdoc />
    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            lock (spacesGate)
            {
                LoadOnce();
            }

            return Task.FromResult(Directory.Exists(root));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            logger.LogWarning(error, "Embedded vector index at {Root} is unhealthy.", root);
            return Task.FromResult(false);
        }
    }

    /// <summary>Saves HNSW graphs and closes every journal.</summary>
    public void Dispose()
    {
        lock (spacesGate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            foreach (var store in spaces.Values)
            {
                store.Dispose();
            }

            spaces.Clear();
        }
    }

    /// <summary>The space's store, for tests and diagnostics inside the assembly.</summary>
    internal VectorSpaceStore? Find(string space)
    {
        ArgumentNullException.ThrowIfNull(space);
        lock (spacesGate)
        {
            LoadOnce();
            return spaces.GetValueOrDefault(space);
        }
    }

    private static float[] Normalized(ReadOnlySpan<float> vector, int dimensions, string parameter)
    {
        if (vector.Length != dimensions)
        {
            throw new ArgumentException($"Vector has {vector.Length} dimensions; the space has {dimensions}.", parameter);
        }

        var copy = vector.ToArray();
        var norm = TensorPrimitives.Norm(copy);
        if (norm > 0 && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(copy, norm, copy);
        }

        return copy;
    }

    private List<VectorSpaceStore> Snapshot()
    {
        lock (spacesGate)
        {
            LoadOnce();
            return [.. spaces.Values];
        }
    }

    private void LoadOnce()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (loaded)
        {
            return;
        }

        Directory.CreateDirectory(root);
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            if (VectorSpaceStore.Open(folder, options, logger) is { } store)
            {
                spaces[store.Name] = store;
            }
        }

        loaded = true;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex SpaceName();
}
