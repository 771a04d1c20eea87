using ChatRag.VectorStore.Embedded.Benchmarks;

namespace ChatRag.VectorStore.Embedded.Tests;

public sealed class BenchmarkTests
{
    [Fact]
    public async Task Small_run_reports_every_figure_and_high_recall()
    {
        var result = await VectorIndexBenchmark.RunAsync(count: 3_000, dims: 32, queries: 30, options: new EmbeddedVectorIndexOptions { AnnThreshold = 1_000, DurableWrites = false });

        Assert.Equal(3_000, result.Count);
        Assert.True(result.IngestSeconds > 0 && result.AnnP50Ms > 0 && result.ExactP50Ms > 0);
        Assert.True(result.AnnP95Ms >= result.AnnP50Ms);
        Assert.True(result.RecallAt10 >= 0.9, $"recall {result.RecallAt10}");
    }
}
