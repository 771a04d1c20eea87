using ChatRag.Core.Documents;
using ChatRag.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatRag.Storage.Sqlite.Tests.Ingestion;

public sealed class SqliteIngestionJobStoreTests : IAsyncLifetime
{
    // Heartbeats and lease expiry read the store's clock: the lease tests move it instead of sleeping past the lease.
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private TempStorage storage = null!;

    private IIngestionJobStore Jobs => storage.Provider.GetRequiredService<IIngestionJobStore>();

    public async Task InitializeAsync() => storage = await TempStorage.CreateAsync(clock: clock);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task Concurrent_workers_never_claim_the_same_job()
    {
        for (var i = 0; i < 30; i++)
        {
            await Jobs.EnqueueAsync(Queued("c", $"hash{i}"));
        }

        var claimed = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (await Jobs.ClaimNextAsync() is { } job)
            {
                claimed.Add(job.DocumentId);
            }
        })));

        Assert.Equal(30, claimed.Count);
        Assert.Equal(30, claimed.Distinct().Count());
        Assert.All(await Jobs.ListAsync("c"), d => Assert.Equal("processing", d.Status));
    }

    [Fact]
    public async Task Same_content_in_a_collection_is_reported_as_the_existing_document()
    {
        var first = await Jobs.EnqueueAsync(Queued("c", "same"));
        var again = await Jobs.EnqueueAsync(Queued("c", "same"));
        var elsewhere = await Jobs.EnqueueAsync(Queued("other", "same"));

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.DocumentId, again.DocumentId);
        Assert.False(elsewhere.Duplicate);
    }

    [Fact]
    public async Task Chunks_replace_the_previous_run_and_ready_comes_only_with_completion()
    {
        var id = (await Jobs.EnqueueAsync(Queued("c", "h"))).DocumentId;
        var job = (await Jobs.ClaimNextAsync())!;
        await Jobs.ReplaceChunksAsync(job, [new NewChunk(0, "old one"), new NewChunk(1, "old two")]);
        Assert.Equal(1, await Jobs.RequeueInterruptedAsync());

        job = (await Jobs.ClaimNextAsync())!;
        Assert.Equal(2, job.Attempt);
        var stored = await Jobs.ReplaceChunksAsync(job, [new NewChunk(0, "new")]);
        await Jobs.ReportProgressAsync(job, 1, 1);
        var midway = (await Jobs.GetAsync(id))!;
        Assert.Equal("processing", midway.Status);
        Assert.Equal(1, midway.ProgressTotal);

        await Jobs.CompleteAsync(job, stored.Count, """{"embedMs":1}""");

        var done = (await Jobs.GetAsync(id))!;
        Assert.Equal(("ready", 1, 1, 1), (done.Status, done.Chunks, done.ProgressDone, done.ProgressTotal));
        Assert.Equal(1, await storage.Documents.CountChunksAsync("c"));
        Assert.Null(await Jobs.ClaimNextAsync());
    }

    [Fact]
    public async Task Ocr_pages_then_chunks_are_reported_with_their_stage_only_by_the_current_claim_and_a_new_claim_starts_blank()
    {
        var id = (await Jobs.EnqueueAsync(Queued("c", "h"))).DocumentId;
        var job = (await Jobs.ClaimNextAsync())!;
        Assert.Null((await Jobs.GetAsync(id))!.ProgressStage);

        await Jobs.ReportStageProgressAsync(job, IngestionStage.Ocr, 2, 200);
        var reading = (await Jobs.GetAsync(id))!;
        Assert.Equal(("ocr", 2, 200), (reading.ProgressStage, reading.ProgressDone, reading.ProgressTotal));

        await Jobs.ReplaceChunksAsync(job, [new NewChunk(0, "one"), new NewChunk(1, "two")]);
        var embedding = (await Jobs.GetAsync(id))!;
        Assert.Equal(("embed", 0, 2), (embedding.ProgressStage, embedding.ProgressDone, embedding.ProgressTotal));

        // A re-index takes the claim back: the old run's OCR progress is refused and the new claim starts without a stage.
        Assert.True(await Jobs.RequeueAsync(id));
        await Assert.ThrowsAsync<StaleClaimException>(() => Jobs.ReportStageProgressAsync(job, IngestionStage.Ocr, 3, 200));
        await Jobs.ClaimNextAsync();
        var again = (await Jobs.GetAsync(id))!;
        Assert.Equal(((string?)null, 0), (again.ProgressStage, again.ProgressDone));
    }

    [Fact]
    public async Task A_document_deleted_mid_run_stays_deleted()
    {
        var id = (await Jobs.EnqueueAsync(Queued("c", "h"))).DocumentId;
        var job = (await Jobs.ClaimNextAsync())!;

        Assert.NotNull(await Jobs.DeleteAsync(id));

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Jobs.ReplaceChunksAsync(job, [new NewChunk(0, "late")]));
        Assert.Null(await Jobs.GetAsync(id));
        Assert.Equal(0, await storage.Documents.CountChunksAsync("c"));
        Assert.False(await Jobs.RequeueAsync(id));
    }

    [Fact]
    public async Task Expired_leases_are_taken_back_renewed_ones_kept_and_the_last_attempt_fails_with_a_reason()
    {
        var lease = TimeSpan.FromSeconds(1);
        var live = (await Jobs.EnqueueAsync(Queued("c", "live"))).DocumentId;
        var dead = (await Jobs.EnqueueAsync(Queued("c", "dead"))).DocumentId;
        var claims = new[] { (await Jobs.ClaimNextAsync())!, (await Jobs.ClaimNextAsync())! };
        var liveClaim = claims.Single(c => c.DocumentId == live);
        Assert.Equal(new StalledJobsSweep(0, 0), await Jobs.RequeueStalledAsync(lease, maxAttempts: 2));

        clock.Advance(lease + TimeSpan.FromSeconds(1));
        await Jobs.RenewLeasesAsync([liveClaim]);
        Assert.Equal(new StalledJobsSweep(1, 0), await Jobs.RequeueStalledAsync(lease, maxAttempts: 2));
        Assert.Equal("processing", (await Jobs.GetAsync(live))!.Status);
        Assert.Equal("queued", (await Jobs.GetAsync(dead))!.Status);

        // Claimed a second time and stalled again: with two attempts allowed it is given up.
        Assert.Equal(dead, (await Jobs.ClaimNextAsync())!.DocumentId);
        clock.Advance(lease + TimeSpan.FromSeconds(1));
        await Jobs.RenewLeasesAsync([liveClaim]);
        Assert.Equal(new StalledJobsSweep(0, 1), await Jobs.RequeueStalledAsync(lease, maxAttempts: 2));
        var failed = (await Jobs.GetAsync(dead))!;
        Assert.Equal("failed", failed.Status);
        Assert.Contains("stopped responding", failed.Error, StringComparison.Ordinal);
        Assert.Null(await Jobs.ClaimNextAsync());

        // A re-index starts a fresh attempt budget.
        Assert.True(await Jobs.RequeueAsync(dead));
        var again = (await Jobs.ClaimNextAsync())!;
        Assert.Equal((dead, 1), (again.DocumentId, again.Attempt));
    }

    [Fact]
    public async Task A_taken_back_claim_neither_renews_the_lease_nor_writes_and_the_current_one_does()
    {
        var lease = TimeSpan.FromSeconds(1);
        var id = (await Jobs.EnqueueAsync(Queued("c", "h"))).DocumentId;
        var stale = (await Jobs.ClaimNextAsync())!;
        Assert.True(await Jobs.RequeueAsync(id));
        var current = (await Jobs.ClaimNextAsync())!;
        Assert.True(current.ClaimToken > stale.ClaimToken);

        // The stale worker's renewals do not keep the current run's lease alive; the current worker's do.
        clock.Advance(lease + TimeSpan.FromSeconds(1));
        await Jobs.RenewLeasesAsync([stale]);
        Assert.Equal(new StalledJobsSweep(1, 0), await Jobs.RequeueStalledAsync(lease, maxAttempts: 3));
        var third = (await Jobs.ClaimNextAsync())!;
        clock.Advance(lease + TimeSpan.FromSeconds(1));
        await Jobs.RenewLeasesAsync([third]);
        Assert.Equal(new StalledJobsSweep(0, 0), await Jobs.RequeueStalledAsync(lease, maxAttempts: 3));

        await Assert.ThrowsAsync<StaleClaimException>(() => Jobs.ReplaceChunksAsync(current, [new NewChunk(0, "late")]));
        var stored = await Jobs.ReplaceChunksAsync(third, [new NewChunk(0, "current")]);
        await Jobs.ReportProgressAsync(third, 1, 1);
        await Jobs.CompleteAsync(third, stored.Count, null);
        Assert.Equal("ready", (await Jobs.GetAsync(id))!.Status);
        Assert.Equal(1, await storage.Documents.CountChunksAsync("c"));
    }

    private static QueuedDocument Queued(string collection, string hash) =>
        new(Guid.NewGuid(), "doc.txt", collection, hash, Guid.NewGuid().ToString("N") + ".bin", "text/plain", 10);
}
