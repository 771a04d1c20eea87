using System.Text.Json.Serialization;

namespace ChatRag.Core.Evaluation;

/// <summary>Scores of one evaluation run; JSON names are the public contract of the <c>eval</c> verb.</summary>
public sealed record EvaluationReport
{
    /// <summary>Mean nDCG@10.</summary>
    [JsonPropertyName("ndcg@10")]
    public double Ndcg10 { get; init; }

    /// <summary>Mean Recall@10.</summary>
    [JsonPropertyName("recall@10")]
    public double Recall10 { get; init; }

    /// <summary>Mean Recall@100.</summary>
    [JsonPropertyName("recall@100")]
    public double Recall100 { get; init; }

    /// <summary>Mean reciprocal rank at 10.</summary>
    [JsonPropertyName("mrr@10")]
    public double Mrr10 { get; init; }

    /// <summary>Documents ingested per second (0 when an existing index was reused).</summary>
    [JsonPropertyName("ingest_docs_per_s")]
    public double IngestDocsPerSecond { get; init; }

    /// <summary>Median search latency.</summary>
    [JsonPropertyName("query_p50_ms")]
    public double QueryP50Ms { get; init; }

    /// <summary>95th percentile search latency.</summary>
    [JsonPropertyName("query_p95_ms")]
    public double QueryP95Ms { get; init; }

    /// <summary>Number of queries scored.</summary>
    [JsonPropertyName("queries")]
    public int Queries { get; init; }

    /// <summary>Mode used: dense, lexical or hybrid.</summary>
    [JsonPropertyName("mode")]
    public string Mode { get; init; } = string.Empty;

    /// <summary>Query split scored: all, tune or heldout.</summary>
    [JsonPropertyName("split")]
    public string Split { get; init; } = QuerySplit.All;

    /// <summary>Encoder spaces used.</summary>
    [JsonPropertyName("encoders")]
    public IReadOnlyList<string> Encoders { get; init; } = [];

    /// <summary>Whether the index was reused rather than built.</summary>
    [JsonPropertyName("index_reused")]
    public bool IndexReused { get; init; }

    /// <summary>The cross-encoder that reordered the fused candidates, or null when none ran.</summary>
    [JsonPropertyName("reranker")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reranker { get; init; }

    /// <summary>Queries whose reranking ran over its latency budget and kept the fused order.</summary>
    [JsonPropertyName("rerank_fallbacks")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RerankFallbacks { get; init; }
}
