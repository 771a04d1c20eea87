using System.Diagnostics;
using ChatRag.Core.Indexing;

namespace ChatRag.Ingestion.Pipeline;

/// <summary>Passes calls through to the real index and adds up the time spent upserting, so embedding and indexing can be told apart.</summary>
internal sealed class TimedVectorIndex(IVectorIndex inner) : IVectorIndex
{
    public TimeSpan UpsertTime { get; private set; }

    public string Name => inner.Name;

    public Task EnsureSpaceAsync(VectorSpace space, CancellationToken cancellationToken = default) => inner.EnsureSpaceAsync(space, cancellationToken);

    public async Task UpsertAsync(string space, IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        await inner.UpsertAsync(space, records, cancellationToken).ConfigureAwait(false);
        UpsertTime += Stopwatch.GetElapsedTime(start);
    }

    public Task DeleteDocumentAsync(Guid documentId, CancellationToken cancellationToken = default) => inner.DeleteDocumentAsync(documentId, cancellationToken);

    public Task<IReadOnlyList<VectorHit>> SearchAsync(string space, VectorQuery query, CancellationToken cancellationToken = default) => inner.SearchAsync(space, query, cancellationToken);

    public Task<long> CountAsync(string space, CancellationToken cancellationToken = default) => inner.CountAsync(space, cancellationToken);

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => inner.IsHealthyAsync(cancellationToken);
}
