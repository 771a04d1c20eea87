namespace ChatRag.Core.Ingestion;

/// <summary>An uploaded file waiting to be ingested: the document row and its job are created together.</summary>
/// <param name="Id">Document id chosen by the caller.</param>
/// <param name="Name">Display name (already sanitised).</param>
/// <param name="Collection">Target collection; created when missing.</param>
/// <param name="ContentHash">Hex SHA-256 of the original bytes.</param>
/// <param name="StoredFile">Generated file name of the original inside the uploads folder (never the user's name).</param>
/// <param name="ContentType">MIME type detected from the content.</param>
/// <param name="SizeBytes">Size of the original.</param>
public sealed record QueuedDocument(
    Guid Id,
    string Name,
    string Collection,
    string ContentHash,
    string StoredFile,
    string ContentType,
    long SizeBytes);
