using ChatRag.Core.Indexing;
using ChatRag.Core.Ingestion;

namespace ChatRag.Ingestion.Pipeline;

/// <summary>
/// The vector index as one run of a job sees it: each write first checks that the run's claim is still current, so a
/// worker whose job was taken back neither deletes the vectors of the run that holds it now nor adds vectors of chunks
/// that run replaced. The vector store is not part of the job store's transaction; the check narrows the window to
/// the moment between it and the write.
/// </summary>
internal sealed class ClaimFencedVectorIndex(IVectorIndex inner, IIngestionJobStore jobs, IngestionJob job) : IVectorIndex
{
    public string Name => inner.Name;

    public Task EnsureSpaceAsync(VectorSpace space, CancellationToken cancellationToken = default) => inner.EnsureSpaceAsync(space, cancellationToken);

    public async Task UpsertAsync(string space, IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default)
    {
        await jobs.EnsureClaimAsync(job, cancellationToken).ConfigureAwait(false);
        await inner.UpsertAsync(space, records, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteDocumentAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        await jobs.EnsureClaimAsync(job, cancellationToken).ConfigureAwait(false);
        await inner.DeleteDocumentAsync(documentId, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<VectorHit>> SearchAsync(string space, VectorQuery query, CancellationToken cancellationToken = default) => inner.SearchAsync(space, query, cancellationToken);

    public Task<long> CountAsync(string space, CancellationToken cancellationToken = default) => inner.CountAsync(space, cancellationToken);

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => inner.IsHealthyAsync(cancellationToken);
}
