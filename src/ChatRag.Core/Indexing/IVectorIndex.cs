namespace ChatRag.Core.Indexing;

/// <summary>
/// Port for vector storage and nearest-neighbour search, implemented by the embedded index and the Qdrant adapter.
/// Every implementation must pass the same conformance suite.
/// </summary>
public interface IVectorIndex
{
    /// <summary>Short name of the implementation, for health and traces.</summary>
    string Name { get; }

    /// <summary>Creates the space if missing; throws <see cref="VectorSpaceMismatchException"/> when it exists with other dimensions.</summary>
    Task EnsureSpaceAsync(VectorSpace space, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces vectors (by chunk id) in a space.</summary>
    Task UpsertAsync(string space, IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Removes every vector of a document from every space.</summary>
    Task DeleteDocumentAsync(Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>Nearest neighbours by cosine similarity, best first, restricted to the query's collections.</summary>
    Task<IReadOnlyList<VectorHit>> SearchAsync(string space, VectorQuery query, CancellationToken cancellationToken = default);

    /// <summary>Number of vectors stored in a space (0 when the space does not exist).</summary>
    Task<long> CountAsync(string space, CancellationToken cancellationToken = default);

    /// <summary>Cheap liveness check for <c>/health</c>.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default);
}
