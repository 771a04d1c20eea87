using System.Numerics.Tensors;
using ChatRag.Core.Indexing;

namespace ChatRag.TestKit.Fakes;

/// <summary>An exact in-memory vector index: the reference behaviour other indexes are compared with.</summary>
public sealed class BruteForceVectorIndex : IVectorIndex
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (int Dimensions, Dictionary<long, VectorRecord> Records)> spaces = new(StringComparer.Ordinal);

    public string Name => "brute-force";

    /// <summary>The collections each search asked for, so tests can check the scope reaches the index itself.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<IReadOnlyCollection<string>> RequestedCollections { get; } = new();

    public Task EnsureSpaceAsync(VectorSpace space, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (spaces.TryGetValue(space.Name, out var existing))
            {
                if (existing.Dimensions != space.Dimensions)
                {
                    throw new VectorSpaceMismatchException(space.Name, existing.Dimensions, space.Dimensions);
                }
            }
            else
            {
                spaces[space.Name] = (space.Dimensions, []);
            }
        }

        return Task.CompletedTask;
    }

    public Task UpsertAsync(string space, IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var target = spaces[space].Records;
            foreach (var r in records)
            {
                target[r.ChunkId] = r;
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteDocumentAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            foreach (var (_, (_, records)) in spaces)
            {
                foreach (var id in records.Values.Where(r => r.DocumentId == documentId).Select(r => r.ChunkId).ToList())
                {
                    records.Remove(id);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<VectorHit>> SearchAsync(string space, VectorQuery query, CancellationToken cancellationToken = default)
    {
        RequestedCollections.Enqueue(query.Collections);
        lock (gate)
        {
            if (!spaces.TryGetValue(space, out var s))
            {
                return Task.FromResult<IReadOnlyList<VectorHit>>([]);
            }

            var hits = s.Records.Values
                .Where(r => query.Collections.Contains(r.Collection) && (query.Documents is null || query.Documents.Contains(r.DocumentId)))
                .Select(r => new VectorHit(r.ChunkId, TensorPrimitives.Dot(r.Vector.Span, query.Vector.Span)))
                .OrderByDescending(h => h.Score)
                .ThenBy(h => h.ChunkId)
                .Take(query.Top)
                .ToList();
            return Task.FromResult<IReadOnlyList<VectorHit>>(hits);
        }
    }

    public Task<long> CountAsync(string space, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(spaces.TryGetValue(space, out var s) ? (long)s.Records.Count : 0);
        }
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);
}
