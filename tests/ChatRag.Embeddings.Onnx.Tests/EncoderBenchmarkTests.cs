using ChatRag.Embeddings.Onnx.Benchmarks;
using ChatRag.Embeddings.Onnx.Runtime;
using Microsoft.Extensions.AI;

namespace ChatRag.Embeddings.Onnx.Tests;

[Collection(BundledModelsCollection.Name)]
public sealed class EncoderBenchmarkTests(BundledModelsFixture fixture)
{
    [Fact]
    public void Passages_have_exactly_the_requested_token_length()
    {
        foreach (var length in new[] { 8, 32, 128, 256 })
        {
            var ids = fixture.Arctic.Tokenize([EncoderBenchmark.Passage(length, 3)], "document")[0];
            Assert.Equal(length, ids.Length);
        }
    }

    [Fact]
    public async Task Returns_one_row_per_batch_and_length()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = fixture.MiniLm;
        var rows = await EncoderBenchmark.RunAsync(generator, [1, 2], [8, 16], runs: 1);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.True(r.SequencesPerSecond > 0 && r.TokensPerSecond >= r.SequencesPerSecond));
        Assert.Equal([(1, 8), (2, 8), (1, 16), (2, 16)], rows.Select(r => (r.BatchSize, r.TokenLength)));
        Assert.IsType<OnnxEmbeddingGenerator>(generator.GetService(typeof(OnnxEmbeddingGenerator)));
    }
}
