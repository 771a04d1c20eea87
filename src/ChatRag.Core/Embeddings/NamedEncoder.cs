using Microsoft.Extensions.AI;

namespace ChatRag.Core.Embeddings;

/// <summary>An encoder and the vector space its embeddings live in.</summary>
/// <param name="Space">Space name (one per model), used by the vector index.</param>
/// <param name="Dimensions">Embedding length.</param>
/// <param name="Generator">The embedding generator.</param>
/// <param name="Tokens">The encoder's own token counter, for chunk budgets.</param>
public sealed record NamedEncoder(string Space, int Dimensions, IEmbeddingGenerator<string, Embedding<float>> Generator, ITokenCounter Tokens);
