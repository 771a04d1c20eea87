using ChatRag.TestKit.Fakes;

namespace ChatRag.Ingestion.Tests.Pipeline;

/// <summary>A run that hangs (an encoder call that never returns and ignores cancellation) is cut off at the job's time limit.</summary>
public sealed class JobTimeLimitTests : IAsyncLifetime
{
    private SqlitePipeline pipeline = null!;

    public async Task InitializeAsync() => pipeline = await SqlitePipeline.CreateAsync();

    public async Task DisposeAsync() => await pipeline.DisposeAsync();

    [Fact]
    public async Task A_hanging_run_is_requeued_at_the_time_limit_and_failed_with_a_reason_on_its_last_attempt()
    {
        pipeline.Options.JobTimeoutSeconds = 0.2;
        pipeline.Options.MaxAttempts = 2;
        var id = await pipeline.UploadAsync("This document hangs its encoder every time.");
        using var hung = new GatedEmbeddingGenerator(new HashingEmbeddingGenerator(SqlitePipeline.Dimensions));

        // Without a limit this never returns; the outer bound only turns such a hang into a failure.
        var results = await pipeline.Processor(hung).DrainAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(["queued", "failed"], results.Select(r => r.Status));
        var document = (await pipeline.Jobs.GetAsync(id))!;
        Assert.Equal("failed", document.Status);
        Assert.Contains("time limit", document.Error, StringComparison.Ordinal);
        Assert.Null(await pipeline.Jobs.ClaimNextAsync());
    }
}
