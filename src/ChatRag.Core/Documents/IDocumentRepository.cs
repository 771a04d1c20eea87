namespace ChatRag.Core.Documents;

/// <summary>Durable store of collections, documents and chunks (with their lexical index).</summary>
public interface IDocumentRepository
{
    /// <summary>Stores a document and its chunks; the lexical index is written in the same transaction.</summary>
    /// <returns>The stored chunks with their ids, in ordinal order.</returns>
    Task<IReadOnlyList<StoredChunk>> AddDocumentAsync(NewDocument document, IReadOnlyList<NewChunk> chunks, CancellationToken cancellationToken = default);

    /// <summary>Reads chunks by id; ids that do not exist are skipped.</summary>
    Task<IReadOnlyList<ChunkRecord>> GetChunksAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Whether a collection with that name exists.</summary>
    Task<bool> CollectionExistsAsync(string collection, CancellationToken cancellationToken = default);

    /// <summary>Creates the collection if it does not exist yet.</summary>
    Task EnsureCollectionAsync(string collection, CancellationToken cancellationToken = default);

    /// <summary>Removes a document, its chunks and their lexical entries. Returns false when it did not exist.</summary>
    Task<bool> DeleteDocumentAsync(Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>Number of chunks stored in a collection.</summary>
    Task<int> CountChunksAsync(string collection, CancellationToken cancellationToken = default);

    /// <summary>Maps a document's <see cref="NewDocument.ExternalId"/> for every document of a collection.</summary>
    Task<IReadOnlyDictionary<Guid, string>> GetExternalIdsAsync(string collection, CancellationToken cancellationToken = default);
}
