namespace ChatRag.Core.Ingestion;

/// <summary>
/// A write of an ingestion run was rejected because its claim is no longer current: the job was re-queued (re-index,
/// time limit, lease expired) or claimed again since. The run must stop without touching the document; whoever holds
/// the claim now finishes it.
/// </summary>
public sealed class StaleClaimException : InvalidOperationException
{
    /// <summary>Creates the exception for a document's stale claim.</summary>
    public StaleClaimException(Guid documentId, long claimToken)
        : base($"The claim {claimToken} on document {documentId} was taken back; this run's writes are discarded.")
    {
        DocumentId = documentId;
        ClaimToken = claimToken;
    }

    /// <summary>The document whose claim was lost.</summary>
    public Guid DocumentId { get; }

    /// <summary>The token the stale run held.</summary>
    public long ClaimToken { get; }
}
