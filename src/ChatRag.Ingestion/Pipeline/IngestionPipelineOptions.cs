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
}
