using ChatRag.Core.Ingestion;
using ChatRag.Ingestion.Chunking;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Pipeline;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Tests.Pipeline;

/// <summary>
/// A re-index can give this worker a newer claim on a document whose superseded run is still unwinding; when that
/// old run ends it must forget only its own claim, or the newer run's lease stops being renewed and the sweep takes
/// it back as stalled (and, after MaxAttempts, fails the document).
/// </summary>
public sealed class WorkerClaimTrackingTests
{
    [Fact]
    public void A_superseded_run_ending_keeps_the_newer_claim_on_the_same_document_renewed()
    {
        var store = new InMemoryJobStore();
        var pipeline = new IngestionPipelineOptions { UploadsDirectory = Path.GetTempPath() };
        var encoders = FixedEncoderCatalog.Hashing();
        var processor = new DocumentIngestionProcessor(
            store,
            new DocumentExtractor(DocumentExtractor.DefaultReaders(), Options.Create(new IngestionLimitsOptions())),
            new DocumentChunker(encoders.Encoders[0].Tokens, Options.Create(new ChunkingOptions())),
            encoders,
            new BruteForceVectorIndex(),
            Options.Create(pipeline),
            NullLogger<DocumentIngestionProcessor>.Instance);
        using var worker = new IngestionWorker(store, processor, new IngestionSignal(), Options.Create(pipeline), NullLogger<IngestionWorker>.Instance);
        var id = Guid.NewGuid();
        var superseded = new IngestionJob(id, "a.txt", "c", "hash", "file.bin", Attempt: 1, ClaimToken: 1);
        var current = superseded with { Attempt = 2, ClaimToken = 2 };

        worker.Track(superseded);
        worker.Track(current);
        worker.Untrack(superseded);

        Assert.Equal([current], worker.TrackedClaims);
        worker.Untrack(current);
        Assert.Empty(worker.TrackedClaims);
    }
}
