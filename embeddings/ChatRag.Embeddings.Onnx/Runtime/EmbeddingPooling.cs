using System.Numerics.Tensors;

namespace ChatRag.Embeddings.Onnx.Runtime;

/// <summary>Pooling of one sequence's token states into a sentence vector, and L2 normalisation.</summary>
public static class EmbeddingPooling
{
    /// <summary>Copies the first token's ([CLS]) state.</summary>
    /// <param name="hidden">The sequence's states, row-major [tokens, dimensions].</param>
    /// <param name="destination">The vector, <c>dimensions</c> long.</param>
    public static void Cls(ReadOnlySpan<float> hidden, Span<float> destination) =>
        hidden[..destination.Length].CopyTo(destination);

    /// <summary>Mean of the states whose attention mask is set (padding excluded).</summary>
    /// <param name="hidden">The sequence's states, row-major [tokens, dimensions].</param>
    /// <param name="mask">Attention mask, one entry per token.</param>
    /// <param name="destination">The vector, <c>dimensions</c> long.</param>
    public static void Mean(ReadOnlySpan<float> hidden, ReadOnlySpan<long> mask, Span<float> destination)
    {
        var dimensions = destination.Length;
        destination.Clear();
        var count = 0;
        for (var t = 0; t < mask.Length; t++)
        {
            if (mask[t] == 0)
            {
                continue;
            }

            TensorPrimitives.Add(destination, hidden.Slice(t * dimensions, dimensions), destination);
            count++;
        }

        // sentence-transformers clamps the token count at 1e-9; with no tokens the vector stays zero.
        TensorPrimitives.Divide(destination, Math.Max(count, 1e-9f), destination);
    }

    /// <summary>Scales to unit length; a zero vector stays zero (as torch.nn.functional.normalize with eps does).</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        TensorPrimitives.Divide(vector, MathF.Max(norm, 1e-12f), vector);
    }
}
