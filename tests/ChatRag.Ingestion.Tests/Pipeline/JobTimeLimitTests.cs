using ChatRag.Ingestion.Pipeline;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

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

    [Fact]
    public async Task The_worker_does_not_keep_a_hanging_job_alive_on_lease_renewals()
    {
        // A lease far longer than the test: only the time limit can take the job from the hung run.
        (pipeline.Options.JobTimeoutSeconds, pipeline.Options.MaxAttempts) = (0.2, 2);
        (pipeline.Options.LeaseSeconds, pipeline.Options.PollIntervalSeconds) = (3600, 0.05);
        var id = await pipeline.UploadAsync("This document hangs its encoder every time.");
        using var hung = new GatedEmbeddingGenerator(new HashingEmbeddingGenerator(SqlitePipeline.Dimensions));
        using var worker = new IngestionWorker(pipeline.Jobs, pipeline.Processor(hung), new IngestionSignal(), Microsoft.Extensions.Options.Options.Create(pipeline.Options), NullLogger<IngestionWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await pipeline.Jobs.GetAsync(id))!.Status != "failed" && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            var document = (await pipeline.Jobs.GetAsync(id))!;
            Assert.Equal("failed", document.Status);
            Assert.Contains("time limit 2 time(s)", document.Error, StringComparison.Ordinal);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }
}
