using ChatRag.Core.Embeddings;
using ChatRag.Embeddings.Onnx.Tokenization;

namespace ChatRag.Embeddings.Onnx.Hosting;

/// <summary>Counts tokens with an encoder's own tokenizer; <see cref="MaxTokens"/> is the encoder's limit.</summary>
/// <param name="tokenizer">The encoder's tokenizer.</param>
/// <param name="maxTokens">The encoder's maximum input, special tokens included.</param>
public sealed class EncoderTokenCounter(IEncoderTokenizer tokenizer, int maxTokens) : ITokenCounter
{
    /// <inheritdoc />
    public int MaxTokens { get; } = maxTokens;

    /// <inheritdoc />
    public int CountTokens(string text) => tokenizer.CountTokens(text);
}
