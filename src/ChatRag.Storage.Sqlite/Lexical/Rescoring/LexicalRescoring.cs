using System.ComponentModel.DataAnnotations;

namespace ChatRag.Storage.Sqlite.Lexical.Rescoring;

/// <summary>
/// The shared re-scoring step after either lexical engine (configuration <c>ChatRag:LexicalRescoring</c>, part of the
/// <c>ChatRag</c> section): the engine's top <see cref="Candidates"/> BM25 hits are scored again with BM25F, the chunk's
/// first line (its heading path or title) and the rest as two length-normalised fields (Robertson, Zaragoza and Taylor
/// 2004), plus a BM25TP term-pair proximity bonus (Rasolofo and Savoy 2003). Defaults are the weights measured on the
/// tune halves of PIAF and SciFact (docs/benchmarks.md, issue 13).
/// </summary>
public sealed class LexicalRescoring
{
    /// <summary>Whether the step runs (default on); off, each engine's BM25 order is returned as is.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many BM25 candidates are re-scored (at least the number of hits asked for).</summary>
    [Range(1, 10_000)]
    public int Candidates { get; set; } = 100;

    /// <summary>Weight of the first line's (title's) normalised term frequency against the body's (1).</summary>
    [Range(0.0, 100.0)]
    public double TitleWeight { get; set; } = 4.0;

    /// <summary>Length normalisation of the title field (0 none, 1 full).</summary>
    [Range(0.0, 1.0)]
    public double TitleB { get; set; } = 0.25;

    /// <summary>Length normalisation of the body field, and of the whole chunk in the proximity score.</summary>
    [Range(0.0, 1.0)]
    public double BodyB { get; set; } = 0.75;

    /// <summary>Term-frequency saturation (FTS5's 1.2).</summary>
    [Range(0.0, 10.0)]
    public double K1 { get; set; } = 1.2;

    /// <summary>Weight of the BM25TP term-pair bonus (0 turns proximity off).</summary>
    [Range(0.0, 10.0)]
    public double ProximityWeight { get; set; } = 0.25;

    /// <summary>Largest distance, in terms, at which two query terms count as a pair.</summary>
    [Range(1, 100)]
    public int ProximityWindow { get; set; } = 5;
}
