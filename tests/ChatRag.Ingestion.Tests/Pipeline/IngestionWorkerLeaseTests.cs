using System.Text;
using ChatRag.Ingestion.Chunking;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Pipeline;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Tests.Pipeline;

/// <summary>A running worker takes back jobs whose worker died mid-run (lease expired), without a restart.</summary>
public sealed class IngestionWorkerLeaseTests : IDisposable
{
    private readonly string uploads = Directory.CreateTempSubdirectory("chatrag-lease").FullName;
    private readonly InMemoryJobStore store = new();
    private readonly BruteForceVectorIndex vectors = new();
    private readonly IngestionLimitsOptions limits = new() { MaxFileBytes = 10_000 };

    [Fact]
    public async Task Stalled_jobs_are_requeued_while_the_worker_runs_and_failed_after_the_last_attempt()
    {
        var pipeline = new IngestionPipelineOptions { UploadsDirectory = uploads, PollIntervalSeconds = 0.05, LeaseSeconds = 0.3, MaxAttempts = 2 };
        var uploader = new DocumentUploader(store, new IngestionSignal(), Options.Create(pipeline), Options.Create(limits));
        var retried = (await uploader.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes("A worker died while embedding this.")), "a.txt", "c")).Id;
        var doomed = (await uploader.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes("This one killed its worker twice.")), "b.txt", "c")).Id;
        using var worker = new IngestionWorker(store, Processor(pipeline), new IngestionSignal(), Options.Create(pipeline), NullLogger<IngestionWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal("ready", await WaitAsync(retried, "ready"));
            Assert.Equal("ready", await WaitAsync(doomed, "ready"));

            // Another worker claimed them and died (no heartbeat since); this one keeps running and never restarts.
            store.Stall(retried, attempts: 1);
            store.Stall(doomed, attempts: 2);

            Assert.Equal("ready", await WaitAsync(retried, "ready"));
            Assert.Equal("failed", await WaitAsync(doomed, "failed"));
            Assert.False(string.IsNullOrWhiteSpace((await store.GetAsync(doomed))!.Error));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task At_start_an_interrupted_job_out_of_attempts_is_failed_and_the_others_resume()
    {
        var pipeline = new IngestionPipelineOptions { UploadsDirectory = uploads, PollIntervalSeconds = 0.05, MaxAttempts = 3 };
        var uploader = new DocumentUploader(store, new IngestionSignal(), Options.Create(pipeline), Options.Create(limits));
        var resumed = (await uploader.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes("Interrupted once by a restart.")), "a.txt", "c")).Id;
        var poison = (await uploader.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes("Took the whole process down three times.")), "b.txt", "c")).Id;
        store.Stall(resumed, attempts: 1);
        store.Stall(poison, attempts: 3);

        using var worker = new IngestionWorker(store, Processor(pipeline), new IngestionSignal(), Options.Create(pipeline), NullLogger<IngestionWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal("ready", await WaitAsync(resumed, "ready"));
            Assert.Equal("failed", await WaitAsync(poison, "failed"));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose() => Directory.Delete(uploads, recursive: true);

    private async Task<string> WaitAsync(Guid id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await store.GetAsync(id))!.Status is var current && current != status && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return (await store.GetAsync(id))!.Status;
    }

    private DocumentIngestionProcessor Processor(IngestionPipelineOptions pipeline)
    {
        var encoders = FixedEncoderCatalog.Hashing();
        vectors.EnsureSpaceAsync(new Core.Indexing.VectorSpace("hash", 64)).GetAwaiter().GetResult();
        var chunker = new DocumentChunker(encoders.Encoders[0].Tokens, Options.Create(new ChunkingOptions { TargetTokens = 24 }));
        return new DocumentIngestionProcessor(
            store,
            new DocumentExtractor(DocumentExtractor.DefaultReaders(), Options.Create(limits)),
            chunker,
            encoders,
            vectors,
            Options.Create(pipeline),
            NullLogger<DocumentIngestionProcessor>.Instance);
    }
}
