using ChatRag.Decoder.Onnx.Sampling;

namespace ChatRag.Decoder.Onnx.Tests;

public sealed class TokenSamplerTests
{
    [Fact]
    public void GreedyPicksTheArgmaxAfterRepetitionPenalty()
    {
        var sampler = new TokenSampler(new SamplingOptions { RepetitionPenalty = 2f });
        float[] logits = [1f, 3f, 2.5f];

        Assert.Equal(2, sampler.Sample(logits, [1])); // 3 / 2 = 1.5 now loses to 2.5
    }

    [Fact]
    public void TopKOneAndTopPNearZeroBehaveGreedily()
    {
        float[] logits = [0.1f, 0.2f, 5f, 0.3f];

        Assert.Equal(2, new TokenSampler(new SamplingOptions { Temperature = 1f, TopK = 1, Seed = 1 }).Sample(logits.ToArray(), []));
        Assert.Equal(2, new TokenSampler(new SamplingOptions { Temperature = 1f, TopP = 0.01f, Seed = 1 }).Sample(logits.ToArray(), []));
    }

    [Fact]
    public void SamplingFollowsTheSoftmaxDistribution()
    {
        // ln 1, ln 2, ln 7: probabilities 0.1, 0.2, 0.7 at temperature 1.
        float[] logits = [0f, MathF.Log(2), MathF.Log(7)];
        var sampler = new TokenSampler(new SamplingOptions { Temperature = 1f, Seed = 3 });
        var counts = new int[3];
        for (var i = 0; i < 20000; i++)
        {
            counts[sampler.Sample(logits.ToArray(), [])]++;
        }

        Assert.InRange(counts[0] / 20000.0, 0.09, 0.11);
        Assert.InRange(counts[1] / 20000.0, 0.185, 0.215);
        Assert.InRange(counts[2] / 20000.0, 0.685, 0.715);
    }

    [Fact]
    public void TopKExcludesEverythingElse()
    {
        float[] logits = [3f, 2.9f, 0f, 0f, 0f];
        var sampler = new TokenSampler(new SamplingOptions { Temperature = 5f, TopK = 2, Seed = 9 });

        var drawn = Enumerable.Range(0, 500).Select(_ => sampler.Sample(logits.ToArray(), [])).ToHashSet();

        Assert.Equal([0, 1], drawn.Order());
    }
}
