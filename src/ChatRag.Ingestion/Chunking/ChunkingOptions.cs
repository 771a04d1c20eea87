using System.ComponentModel.DataAnnotations;

namespace ChatRag.Ingestion.Chunking;

/// <summary>
/// Chunk sizes. The defaults (256 tokens, 15% overlap, heading prefix on) are a common starting point for
/// small sentence encoders trained on passages of that length; they are to be confirmed with <c>eval</c> numbers.
/// </summary>
public sealed class ChunkingOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:Ingestion:Chunking";

    /// <summary>Most tokens in a chunk, heading prefix included (capped further by the encoder's own limit).</summary>
    [Range(16, 8192)]
    public int TargetTokens { get; set; } = 256;

    /// <summary>Share of the target repeated from the end of one chunk at the start of the next, 0 to 0.5.</summary>
    [Range(0.0, 0.5)]
    public double OverlapRatio { get; set; } = 0.15;

    /// <summary>Whether the heading path is written before the chunk text, so the encoder sees the context.</summary>
    public bool PrefixHeadings { get; set; } = true;

    /// <summary>Whether a chunk may span a page (or slide, sheet) break; off so every chunk cites one page.</summary>
    public bool AllowPageSpanning { get; set; }

    /// <summary>Tokens kept free for special tokens and query/passage prefixes the encoder adds.</summary>
    [Range(0, 64)]
    public int ReservedTokens { get; set; } = 8;

    /// <summary>
    /// Most characters in a chunk, heading prefix included (default 8,192; 256 tokens of prose are about 1,200).
    /// Tokens alone do not bound size: a tokenizer counts a 100,000-character "word" as one unknown token. Raise it
    /// together with <see cref="TargetTokens"/>.
    /// </summary>
    [Range(256, 1_048_576)]
    public int MaxChunkCharacters { get; set; } = 8_192;

    /// <summary>Overlap in tokens implied by <see cref="TargetTokens"/> and <see cref="OverlapRatio"/>.</summary>
    public int OverlapTokens => (int)Math.Round(TargetTokens * OverlapRatio);
}
