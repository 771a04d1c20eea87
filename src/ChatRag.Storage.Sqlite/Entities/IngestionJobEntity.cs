namespace ChatRag.Storage.Sqlite.Entities;

/// <summary>
/// The durable ingestion job of an uploaded document, and where its original file is kept. Deliberately not a
/// foreign key of <see cref="DocumentEntity"/>: re-storing a document replaces its row, which must not cascade here.
/// </summary>
public sealed class IngestionJobEntity
{
    /// <summary>The document this job builds.</summary>
    public Guid DocumentId { get; set; }

    /// <summary>Generated file name of the original inside the uploads folder.</summary>
    public required string StoredFile { get; set; }

    /// <summary>MIME type detected from the content.</summary>
    public required string ContentType { get; set; }

    /// <summary>Size of the original in bytes.</summary>
    public long SizeBytes { get; set; }

    /// <summary>queued, processing or done.</summary>
    public required string State { get; set; }

    /// <summary>How many times the job was claimed.</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// Fencing token of the current claim, raised by every claim and re-queue: each write of a run carries the token
    /// it claimed with, so a worker whose job was taken back cannot overwrite the run that holds it now.
    /// </summary>
    public long ClaimToken { get; set; }

    /// <summary>When the job was (re)queued (UTC); claims take the oldest first.</summary>
    public DateTime QueuedAt { get; set; }

    /// <summary>Last sign of life from the worker holding the job (UTC).</summary>
    public DateTime? HeartbeatAt { get; set; }

    /// <summary>Units of <see cref="ProgressStage"/> done: chunks embedded and indexed, or pages OCR'd.</summary>
    public int ProgressDone { get; set; }

    /// <summary>Units of the stage in all.</summary>
    public int ProgressTotal { get; set; }

    /// <summary>What the progress counts: <c>ocr</c> (pages) or <c>embed</c> (chunks); null until the run reports.</summary>
    public string? ProgressStage { get; set; }

    /// <summary>Per-stage timings of the last run, a JSON object of milliseconds.</summary>
    public string? Timings { get; set; }
}
