using ChatRag.Embeddings.Onnx.Runtime;

namespace ChatRag.Embeddings.Onnx.Tests;

public sealed class PoolingTests
{
    // Three tokens of two dimensions: [1,2], [3,4], [100,100] (the last one is padding).
    private static readonly float[] Hidden = [1, 2, 3, 4, 100, 100];

    [Fact]
    public void Cls_takes_the_first_token()
    {
        var vector = new float[2];
        EmbeddingPooling.Cls(Hidden, vector);
        Assert.Equal([1f, 2f], vector);
    }

    [Fact]
    public void Mean_ignores_masked_tokens()
    {
        var vector = new float[2];
        EmbeddingPooling.Mean(Hidden, [1, 1, 0], vector);
        Assert.Equal([2f, 3f], vector);
    }

    [Fact]
    public void Mean_of_nothing_is_zero()
    {
        var vector = new float[2];
        EmbeddingPooling.Mean(Hidden, [0, 0, 0], vector);
        Assert.Equal([0f, 0f], vector);
    }

    [Fact]
    public void Normalize_scales_to_unit_length_and_leaves_zero_alone()
    {
        float[] vector = [3, 4];
        EmbeddingPooling.Normalize(vector);
        Assert.Equal(0.6f, vector[0], 6);
        Assert.Equal(0.8f, vector[1], 6);

        float[] zero = [0, 0];
        EmbeddingPooling.Normalize(zero);
        Assert.Equal([0f, 0f], zero);
    }
}
