using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRag.Ingestion.Pipeline;

/// <summary>Where one document's ingestion time went, in milliseconds per stage; stored with the document and logged.</summary>
public sealed class StageTimings
{
    /// <summary>Reading the stored original.</summary>
    [JsonPropertyName("readMs")]
    public double ReadMs { get; set; }

    /// <summary>Sniffing and parsing (text extraction).</summary>
    [JsonPropertyName("parseMs")]
    public double ParseMs { get; set; }

    /// <summary>Chunking (token counting included).</summary>
    [JsonPropertyName("chunkMs")]
    public double ChunkMs { get; set; }

    /// <summary>Writing chunks and their lexical entries to the database.</summary>
    [JsonPropertyName("storeMs")]
    public double StoreMs { get; set; }

    /// <summary>Running the encoder(s).</summary>
    [JsonPropertyName("embedMs")]
    public double EmbedMs { get; set; }

    /// <summary>Deleting stale vectors and upserting new ones.</summary>
    [JsonPropertyName("indexMs")]
    public double IndexMs { get; set; }

    /// <summary>Pages read by OCR (part of <see cref="ParseMs"/>), when any were.</summary>
    [JsonPropertyName("ocrPages")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? OcrPages { get; set; }

    /// <summary>Time spent rendering and recognising those pages (part of <see cref="ParseMs"/>).</summary>
    [JsonPropertyName("ocrMs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? OcrMs { get; set; }

    /// <summary>Pages, slides or sheets, when the format has them.</summary>
    [JsonPropertyName("pages")]
    public int? Pages { get; set; }

    /// <summary>The timings as a JSON object.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads timings written by <see cref="ToJson"/>; null when absent or unreadable.</summary>
    public static StageTimings? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StageTimings>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
