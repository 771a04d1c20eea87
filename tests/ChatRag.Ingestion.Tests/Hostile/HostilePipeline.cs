using ChatRag.Ingestion.Chunking;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Pipeline;
using ChatRag.Ingestion.Tests.Pipeline;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Tests.Hostile;

/// <summary>
/// The real upload → extract → chunk → embed → index path at the default limits, over a temporary uploads folder:
/// what the server's worker does with a file, minus HTTP.
/// </summary>
internal sealed class HostilePipeline : IDisposable
{
    private readonly string uploads = Directory.CreateTempSubdirectory("chatrag-hostile").FullName;
    private readonly InMemoryJobStore store = new();
    private readonly BruteForceVectorIndex vectors = new();
    private readonly IngestionLimitsOptions limits = new();

    /// <summary>Uploads and processes one file; returns how it ended and the reason shown to the user.</summary>
    public async Task<(HostileOutcome Outcome, string? Reason, int? StatusCode, Guid? Id)> RunAsync(byte[] bytes, string fileName)
    {
        UploadOutcome upload;
        try
        {
            upload = await Uploader().UploadAsync(new MemoryStream(bytes), fileName, "hostile");
        }
        catch (DocumentRejectedException e)
        {
            return (HostileOutcome.RejectedAtUpload, e.Message, e.SuggestedStatusCode, null);
        }

        await Processor().DrainAsync();
        var job = (await store.GetAsync(upload.Id))!;
        return (job.Status == "ready" ? HostileOutcome.Ready : HostileOutcome.Failed, job.Error, null, upload.Id);
    }

    /// <summary>Status of a document processed earlier, to check that a hostile one did not disturb it.</summary>
    public async Task<string?> StatusAsync(Guid id) => (await store.GetAsync(id))?.Status;

    public void Dispose() => Directory.Delete(uploads, recursive: true);

    private DocumentUploader Uploader() =>
        new(store, new IngestionSignal(), Options.Create(new IngestionPipelineOptions { UploadsDirectory = uploads }), Options.Create(limits));

    private DocumentIngestionProcessor Processor()
    {
        var encoders = FixedEncoderCatalog.Hashing();
        vectors.EnsureSpaceAsync(new Core.Indexing.VectorSpace("hash", 64)).GetAwaiter().GetResult();
        var chunker = new DocumentChunker(encoders.Encoders[0].Tokens, Options.Create(new ChunkingOptions()));
        return new DocumentIngestionProcessor(
            store,
            new DocumentExtractor(DocumentExtractor.DefaultReaders(), Options.Create(limits)),
            chunker,
            encoders,
            vectors,
            Options.Create(new IngestionPipelineOptions { UploadsDirectory = uploads }),
            NullLogger<DocumentIngestionProcessor>.Instance);
    }
}
