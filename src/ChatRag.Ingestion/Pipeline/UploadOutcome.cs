namespace ChatRag.Ingestion.Pipeline;

/// <summary>What happened to one uploaded file.</summary>
/// <param name="Id">The queued document, or the existing document that already holds the same content.</param>
/// <param name="Name">Sanitised display name.</param>
/// <param name="Status"><c>queued</c>, or <c>duplicate</c> when the collection already held the content.</param>
public sealed record UploadOutcome(Guid Id, string Name, string Status)
{
    /// <summary>Status of a file whose content the collection already held.</summary>
    public const string DuplicateStatus = "duplicate";

    /// <summary>Whether nothing new was queued because the content was already there.</summary>
    public bool IsDuplicate => Status == DuplicateStatus;
}
