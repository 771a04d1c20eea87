using System.ComponentModel.DataAnnotations;

namespace ChatRag.Core.Retrieval;

/// <summary>Retrieval tuning. Defaults are justified by the eval numbers in docs/benchmarks.md.</summary>
public sealed class RetrievalOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:Retrieval";

    /// <summary>How many candidates each signal contributes before fusion.</summary>
    [Range(10, 1000)]
    public int CandidatesPerSignal { get; set; } = 100;

    /// <summary>The reciprocal rank fusion constant k in 1/(k + rank).</summary>
    [Range(1, 1000)]
    public int RrfK { get; set; } = 60;

    /// <summary>Weight of the lexical signal relative to the dense signals (each dense encoder weighs 1/encoders).</summary>
    [Range(0.0, 10.0)]
    public double LexicalWeight { get; set; } = 1.0;

    /// <summary>
    /// When the vector index can fuse dense and keyword rankings itself (Qdrant), let it do the hybrid search instead of
    /// fusing with the local BM25 index.
    /// </summary>
    public bool ServerSideHybrid { get; set; } = true;

    /// <summary>
    /// In hybrid mode, let an encoder vote only on queries in the languages its model card names (see
    /// <see cref="Embeddings.NamedEncoder.Languages"/>); other queries rely on BM25 and any encoder that covers them.
    /// </summary>
    public bool RespectEncoderLanguages { get; set; } = true;

    /// <summary>Longest query accepted, in characters.</summary>
    [Range(16, 100_000)]
    public int MaxQueryLength { get; set; } = 4_000;

    /// <summary>Most results one search may ask for.</summary>
    [Range(1, 1000)]
    public int MaxTop { get; set; } = 100;
}
