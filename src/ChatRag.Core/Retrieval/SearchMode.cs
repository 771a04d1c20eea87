namespace ChatRag.Core.Retrieval;

/// <summary>Which signals a search uses.</summary>
public enum SearchMode
{
    /// <summary>Dense vectors and BM25, fused.</summary>
    Hybrid,

    /// <summary>Dense vectors only (all configured encoders, fused when several).</summary>
    Dense,

    /// <summary>BM25 only.</summary>
    Lexical,
}
