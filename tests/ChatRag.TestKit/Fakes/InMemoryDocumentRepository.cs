using ChatRag.Core.Documents;

namespace ChatRag.TestKit.Fakes;

/// <summary>An in-memory document repository for tests of code above storage.</summary>
public sealed class InMemoryDocumentRepository : IDocumentRepository
{
    private readonly Lock gate = new();
    private readonly HashSet<string> collections = new(StringComparer.Ordinal);
    private readonly Dictionary<long, ChunkRecord> chunks = [];
    private readonly Dictionary<Guid, NewDocument> docs = [];
    private long nextId = 1;

    public IReadOnlyCollection<ChunkRecord> AllChunks
    {
        get
        {
            lock (gate)
            {
                return chunks.Values.ToList();
            }
        }
    }

    public Task<IReadOnlyList<StoredChunk>> AddDocumentAsync(NewDocument document, IReadOnlyList<NewChunk> newChunks, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            collections.Add(document.Collection);
            docs[document.Id] = document;
            var stored = new List<StoredChunk>();
            foreach (var c in newChunks.OrderBy(c => c.Ordinal))
            {
                var id = nextId++;
                chunks[id] = new ChunkRecord(id, document.Id, document.Name, document.Collection, c.Ordinal, c.Text, c.Page, c.HeadingPath, c.StartOffset, c.EndOffset);
                stored.Add(new StoredChunk(id, document.Id, document.Collection, c.Text));
            }

            return Task.FromResult<IReadOnlyList<StoredChunk>>(stored);
        }
    }

    public async IAsyncEnumerable<StoredChunk> StreamChunksAsync(string collection, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<ChunkRecord> snapshot;
        lock (gate)
        {
            snapshot = chunks.Values.Where(c => c.Collection == collection).OrderBy(c => c.Id).ToList();
        }

        foreach (var c in snapshot)
        {
            await Task.Yield();
            yield return new StoredChunk(c.Id, c.DocumentId, c.Collection, c.Text);
        }
    }

    public Task<IReadOnlyList<ChunkRecord>> GetChunksAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ChunkRecord>>(ids.Where(chunks.ContainsKey).Select(id => chunks[id]).ToList());
        }
    }

    public Task<IReadOnlyList<ChunkRecord>> GetDocumentChunksAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ChunkRecord>>(chunks.Values.Where(c => c.DocumentId == documentId).OrderBy(c => c.Ordinal).ToList());
        }
    }

    public Task<bool> CollectionExistsAsync(string collection, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(collections.Contains(collection));
        }
    }

    public Task EnsureCollectionAsync(string collection, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            collections.Add(collection);
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteDocumentAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var removed = docs.Remove(documentId);
            foreach (var id in chunks.Where(p => p.Value.DocumentId == documentId).Select(p => p.Key).ToList())
            {
                chunks.Remove(id);
            }

            return Task.FromResult(removed);
        }
    }

    public Task<int> CountChunksAsync(string collection, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(chunks.Values.Count(c => c.Collection == collection));
        }
    }

    public Task<IReadOnlyDictionary<Guid, string>> GetExternalIdsAsync(string collection, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyDictionary<Guid, string>>(docs.Values
                .Where(d => d.Collection == collection && d.ExternalId is not null)
                .ToDictionary(d => d.Id, d => d.ExternalId!));
        }
    }
}
