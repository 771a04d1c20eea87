namespace ChatRag.Core.Ingestion;

/// <summary>A document as the documents API shows it.</summary>
/// <param name="Id">Document id.</param>
/// <param name="Name">Display name (sanitised).</param>
/// <param name="Collection">Collection.</param>
/// <param name="Status">queued, processing, ready or failed.</param>
/// <param name="Chunks">Chunks stored.</param>
/// <param name="Error">Why processing failed, in words a person can act on.</param>
/// <param name="ProgressDone">Units of <paramref name="ProgressStage"/> done: chunks embedded and indexed, or pages OCR'd.</param>
/// <param name="ProgressTotal">Units of the stage in all (0 until known).</param>
/// <param name="SizeBytes">Size of the original file (0 for documents not uploaded as files).</param>
/// <param name="ContentType">MIME type of the original, when uploaded as a file.</param>
/// <param name="StoredFile">Generated name of the original inside the uploads folder, when there is one.</param>
/// <param name="CreatedAt">Upload time (UTC).</param>
/// <param name="Timings">Per-stage timings of the last run (JSON object of milliseconds), when known.</param>
/// <param name="ProgressStage">What the progress counts (<see cref="IngestionStage"/>), or null before the run reported any.</param>
public sealed record DocumentInfo(
    Guid Id,
    string Name,
    string Collection,
    string Status,
    int Chunks,
    string? Error,
    int ProgressDone,
    int ProgressTotal,
    long SizeBytes,
    string? ContentType,
    string? StoredFile,
    DateTime CreatedAt,
    string? Timings,
    string? ProgressStage = null);
