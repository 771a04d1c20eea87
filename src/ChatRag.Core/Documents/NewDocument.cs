namespace ChatRag.Core.Documents;

/// <summary>A document about to be stored with its chunks.</summary>
/// <param name="Id">Document id chosen by the caller (so retries are idempotent).</param>
/// <param name="Name">Display name (already sanitised).</param>
/// <param name="Collection">Target collection; created when missing.</param>
/// <param name="ContentHash">Hex SHA-256 of the original bytes, for duplicate detection.</param>
/// <param name="ExternalId">Optional id from an outside corpus (for example a BEIR <c>_id</c>).</param>
public sealed record NewDocument(
    Guid Id,
    string Name,
    string Collection,
    string ContentHash,
    string? ExternalId = null);
