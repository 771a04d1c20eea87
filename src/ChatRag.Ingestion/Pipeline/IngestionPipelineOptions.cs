using System.ComponentModel.DataAnnotations;

namespace ChatRag.Ingestion.Pipeline;

/// <summary>The durable ingestion pipeline's settings (section <c>ChatRag:Ingestion:Pipeline</c>).</summary>
public sealed class IngestionPipelineOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:Ingestion:Pipeline";

    /// <summary>Folder for stored originals; the host sets it to <c>&lt;DataDirectory&gt;/uploads</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string UploadsDirectory { get; set; } = Path.Combine("data", "uploads");

    /// <summary>Documents processed at the same time (default 1: embedding already uses every core).</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Chunks embedded and upserted per batch; progress is recorded after each (default 64).</summary>
    [Range(1, 4096)]
    public int EmbedBatchSize { get; set; } = 64;

    /// <summary>How often an idle worker looks for jobs it was not woken for, in seconds (default 5).</summary>
    [Range(0.05, 3600)]
    public double PollIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// Seconds a claimed job stays its worker's without a heartbeat (default 300). The worker renews the leases of the
    /// jobs it runs every third of this and takes back jobs whose lease expired (a worker that died or hung).
    /// </summary>
    [Range(0.1, 86_400)]
    public double LeaseSeconds { get; set; } = 300;

    /// <summary>
    /// Claims a job gets before a stalled one (or one that ran out of time) is given up and its document marked failed (default 3).
    /// </summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// Longest one run of a job may take, in seconds (default 1800). A run that hangs would otherwise keep renewing its
    /// lease forever; past the limit it is cancelled and abandoned, and the job is re-queued, or failed on its last attempt.
    /// </summary>
    [Range(0.01, 7 * 86_400)]
    public double JobTimeoutSeconds { get; set; } = 1800;

    /// <summary>
    /// Age in seconds after which a file in the uploads folder that no job refers to (an upload a crash interrupted, or
    /// the original of a document whose deletion was cut short) is removed at start-up (default 3600). Younger files
    /// may belong to an upload still in flight and are kept.
    /// </summary>
    [Range(0, 30 * 86_400)]
    public double OrphanGraceSeconds { get; set; } = 3600;
}
