namespace ChatRag.Core.Embeddings;

/// <summary>The encoders in use: one, or several whose rankings are fused (an ensemble).</summary>
public interface IEncoderCatalog
{
    /// <summary>Encoders used for indexing and search, in order of preference; never empty.</summary>
    IReadOnlyList<NamedEncoder> Encoders { get; }
}
