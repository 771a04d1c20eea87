namespace ChatRag.Core.Documents;

/// <summary>Durable store of collections, documents and chunks (with their lexical index).</summary>
public interface IDocumentRepository
{
    /// <summary>Stores a document and its chunks; the lexical index is written in the same transaction.</summary>
    /// <returns>The stored chunks with their ids, in ordinal order.</returns>
    Task<IReadOnlyList<StoredChunk>> AddDocumentAsync(NewDocument document, IReadOnlyList<NewChunk> chunks, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores several documents as <see cref="AddDocumentAsync"/> would, in order. Stores may write the whole batch in
    /// one transaction (much faster for many small documents); then a failure leaves none of the batch behind.
    /// </summary>
    /// <returns>The stored chunks of each document, in input order.</returns>
    async Task<IReadOnlyList<IReadOnlyList<StoredChunk>>> AddDocumentsAsync(IReadOnlyList<NewDocumentWithChunks> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var stored = new List<IReadOnlyList<StoredChunk>>(documents.Count);
        foreach (var item in documents)
        {
            stored.Add(await AddDocumentAsync(item.Document, item.Chunks, cancellationToken).ConfigureAwait(false));
        }

        return stored;
    }

    /// <summary>Every chunk of a collection in id order (for example to embed it again for another encoder).</summary>
    IAsyncEnumerable<StoredChunk> StreamChunksAsync(string collection, CancellationToken cancellationToken = default);

    /// <summary>Reads chunks by id; ids that do not exist are skipped.</summary>
    Task<IReadOnlyList<ChunkRecord>> GetChunksAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Every chunk of one document in reading (ordinal) order; empty when the document does not exist.</summary>
    Task<IReadOnlyList<ChunkRecord>> GetDocumentChunksAsync(Guid documentId, CancellationToken cancellationToken = default);

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

    /// <summary>
    /// The collection of each of <paramref name="documentIds"/> that exists (missing ids are left out), so a request that
    /// chooses documents can be checked against the caller's collections. The default reads each document's chunks;
    /// stores override it with one lookup that also finds documents with no chunks yet.
    /// </summary>
    async Task<IReadOnlyDictionary<Guid, string>> GetDocumentCollectionsAsync(IReadOnlyCollection<Guid> documentIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var found = new Dictionary<Guid, string>();
        foreach (var id in documentIds.Distinct())
        {
            if ((await GetDocumentChunksAsync(id, cancellationToken).ConfigureAwait(false)) is [var first, ..])
            {
                found[id] = first.Collection;
            }
        }

        return found;
    }
}
