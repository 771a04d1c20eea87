namespace ChatRag.Ingestion.Pipeline;

/// <summary>How one job ended.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Name">Display name.</param>
/// <param name="Status"><c>ready</c>, <c>failed</c>, or <c>deleted</c> when the document was removed while it was processed.</param>
/// <param name="Chunks">Chunks stored and indexed.</param>
/// <param name="Error">Why it failed, in words a person can act on.</param>
/// <param name="Timings">Where the time went.</param>
public sealed record IngestionResult(Guid DocumentId, string Name, string Status, int Chunks, string? Error, StageTimings Timings);
