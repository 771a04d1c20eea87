using Microsoft.Extensions.AI;

namespace ChatRag.Core.Embeddings;

/// <summary>An encoder and the vector space its embeddings live in.</summary>
/// <param name="Space">Space name (one per model), used by the vector index.</param>
/// <param name="Dimensions">Embedding length.</param>
/// <param name="Generator">The embedding generator.</param>
/// <param name="Tokens">The encoder's own token counter, for chunk budgets.</param>
/// <param name="Languages">
/// ISO 639-1 codes of the languages the model was trained for (from its model card), or null when it is multilingual or
/// unknown. Retrieval lets the encoder vote only on queries in these languages.
/// </param>
public sealed record NamedEncoder(
    string Space,
    int Dimensions,
    IEmbeddingGenerator<string, Embedding<float>> Generator,
    ITokenCounter Tokens,
    IReadOnlyCollection<string>? Languages = null)
{
    /// <summary>Whether the encoder is meant for text in <paramref name="language"/> (null = unknown language: yes).</summary>
    public bool Covers(string? language) => language is null || Languages is null || Languages.Contains(language);
}
