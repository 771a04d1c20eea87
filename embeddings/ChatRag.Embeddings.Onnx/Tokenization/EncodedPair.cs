namespace ChatRag.Embeddings.Onnx.Tokenization;

/// <summary>A tokenised text pair: ids and, position for position, their token type (0 first segment, 1 second).</summary>
/// <param name="Ids">Token ids, special tokens included.</param>
/// <param name="TypeIds">Token type ids, as long as <paramref name="Ids"/>.</param>
public sealed record EncodedPair(int[] Ids, int[] TypeIds);
