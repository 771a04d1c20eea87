using ChatRag.Core.Ingestion;
using ChatRag.TestKit.Fakes;

namespace ChatRag.Ingestion.Tests.Pipeline;

/// <summary>
/// Two runs of one job, interleaved step by step through gated encoders against the real SQLite store and the embedded
/// vector index: only the run that holds the current claim may change the document.
/// </summary>
public sealed class ClaimFencingTests : IAsyncLifetime
{
    private static readonly string Text = string.Join("\n\n", Enumerable.Range(0, 12).Select(i => $"Paragraph {i} explains how topic {i} relates to blood pressure and exercise."));

    private SqlitePipeline pipeline = null!;

    public async Task InitializeAsync() => pipeline = await SqlitePipeline.CreateAsync();

    public async Task DisposeAsync() => await pipeline.DisposeAsync();

    [Fact]
    public async Task A_run_that_lost_its_claim_to_a_reclaim_stops_and_the_current_run_leaves_consistent_chunks_and_vectors()
    {
        var id = await pipeline.UploadAsync(Text);
        using var firstEncoder = new GatedEmbeddingGenerator(new HashingEmbeddingGenerator(SqlitePipeline.Dimensions));
        using var secondEncoder = new GatedEmbeddingGenerator(new HashingEmbeddingGenerator(SqlitePipeline.Dimensions));

        // Run 1 claims, stores its chunks and stops at its first batch.
        var first = (await pipeline.Jobs.ClaimNextAsync())!;
        var firstRun = pipeline.Processor(firstEncoder).ProcessAsync(first);
        await firstEncoder.WaitEnteredAsync();

        // Its lease is taken back (here: a re-index), and run 2 claims the job and stops at its first batch.
        Assert.True(await pipeline.Jobs.RequeueAsync(id));
        var second = (await pipeline.Jobs.ClaimNextAsync())!;
        Assert.Equal(id, second.DocumentId);
        var secondRun = pipeline.Processor(secondEncoder).ProcessAsync(second);
        await secondEncoder.WaitEnteredAsync();

        // Run 1 finishes first, then run 2.
        firstEncoder.Release(1_000);
        var firstResult = await firstRun;
        secondEncoder.Release(1_000);
        var secondResult = await secondRun;

        var document = (await pipeline.Jobs.GetAsync(id))!;
        var (chunks, vectors) = await pipeline.IdsAsync(id);
        Assert.Equal("ready", document.Status);
        Assert.NotEmpty(chunks);
        Assert.Equal(chunks.Length, document.Chunks);
        Assert.Equal(chunks, vectors);
        Assert.Equal(chunks.Length, await pipeline.Vectors.CountAsync(SqlitePipeline.Space));
        Assert.Null(await pipeline.Jobs.ClaimNextAsync());
        Assert.Equal(("superseded", "ready"), (firstResult.Status, secondResult.Status));
    }

    [Fact]
    public async Task A_reindex_sent_during_processing_is_not_lost_when_the_running_run_finishes()
    {
        var id = await pipeline.UploadAsync(Text);
        using var encoder = new GatedEmbeddingGenerator(new HashingEmbeddingGenerator(SqlitePipeline.Dimensions));
        var claim = (await pipeline.Jobs.ClaimNextAsync())!;
        var run = pipeline.Processor(encoder).ProcessAsync(claim);
        await encoder.WaitEnteredAsync();

        Assert.True(await pipeline.Jobs.RequeueAsync(id));
        encoder.Release(1_000);
        Assert.Equal("superseded", (await run).Status);

        // The re-index is still queued and runs in full.
        Assert.Equal("queued", (await pipeline.Jobs.GetAsync(id))!.Status);
        var results = await pipeline.Processor(new HashingEmbeddingGenerator(SqlitePipeline.Dimensions)).DrainAsync();
        Assert.Equal("ready", Assert.Single(results).Status);
        var (chunks, vectors) = await pipeline.IdsAsync(id);
        Assert.NotEmpty(chunks);
        Assert.Equal(chunks, vectors);
    }

    [Fact]
    public async Task A_stale_claim_can_neither_write_nor_finish_nor_give_the_job_back()
    {
        var id = await pipeline.UploadAsync(Text);
        var stale = (await pipeline.Jobs.ClaimNextAsync())!;
        Assert.Equal(1, await pipeline.Jobs.RequeueInterruptedAsync());
        var current = (await pipeline.Jobs.ClaimNextAsync())!;
        Assert.NotEqual(stale.ClaimToken, current.ClaimToken);

        await Assert.ThrowsAsync<StaleClaimException>(() => pipeline.Jobs.ReplaceChunksAsync(stale, [new Core.Documents.NewChunk(0, "stale")]));
        await Assert.ThrowsAsync<StaleClaimException>(() => pipeline.Jobs.ReportProgressAsync(stale, 1, 1));
        await Assert.ThrowsAsync<StaleClaimException>(() => pipeline.Jobs.CompleteAsync(stale, 1, null));
        await Assert.ThrowsAsync<StaleClaimException>(() => pipeline.Jobs.FailAsync(stale, "stale", null));
        await Assert.ThrowsAsync<StaleClaimException>(() => pipeline.Jobs.EnsureClaimAsync(stale));
        Assert.False(await pipeline.Jobs.ReleaseAsync(stale));

        var stored = await pipeline.Jobs.ReplaceChunksAsync(current, [new Core.Documents.NewChunk(0, "current")]);
        await pipeline.Jobs.CompleteAsync(current, stored.Count, null);
        Assert.Equal(("ready", 1), ((await pipeline.Jobs.GetAsync(id))!.Status, (await pipeline.Jobs.GetAsync(id))!.Chunks));
    }
}
