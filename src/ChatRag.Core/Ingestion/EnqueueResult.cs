namespace ChatRag.Core.Ingestion;

/// <summary>What enqueueing an upload did.</summary>
/// <param name="DocumentId">The new document, or the existing one holding the same content.</param>
/// <param name="Duplicate">True when the collection already held the content and nothing was queued.</param>
public sealed record EnqueueResult(Guid DocumentId, bool Duplicate);
