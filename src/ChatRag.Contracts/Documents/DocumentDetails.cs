namespace ChatRag.Contracts.Documents;

/// <summary>A document and its processing state.</summary>
/// <param name="Id">Document id.</param>
/// <param name="Name">Sanitised display name.</param>
/// <param name="Collection">Collection.</param>
/// <param name="Status"><c>queued</c>, <c>processing</c>, <c>ready</c> or <c>failed</c>.</param>
/// <param name="Chunks">Chunks stored.</param>
/// <param name="Error">Why processing failed, in words a person can act on.</param>
/// <param name="Progress">Chunks embedded of total.</param>
/// <param name="Size">Size of the original file in bytes.</param>
/// <param name="Type">MIME type detected from the content.</param>
/// <param name="CreatedAt">Upload time (UTC).</param>
/// <param name="Timings">Milliseconds per stage of the last run (read, parse, chunk, store, embed, index) and pages, when known.</param>
public sealed record DocumentDetails(
    Guid Id,
    string Name,
    string Collection,
    string Status,
    int Chunks,
    string? Error,
    DocumentProgress Progress,
    long Size,
    string? Type,
    DateTime CreatedAt,
    IReadOnlyDictionary<string, double>? Timings);
