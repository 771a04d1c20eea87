using System.Text;
using ChatRag.Ingestion.Chunking;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Pipeline;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Tests.Pipeline;

public sealed class PipelineTests : IDisposable
{
    private readonly string uploads = Directory.CreateTempSubdirectory("chatrag-pipeline").FullName;
    private readonly InMemoryJobStore store = new();
    private readonly BruteForceVectorIndex vectors = new();
    private readonly IngestionLimitsOptions limits = new() { MaxFileBytes = 10_000 };

    [Fact]
    public async Task Uploads_are_stored_under_generated_names_and_queued_once_per_content()
    {
        var uploader = Uploader();

        var first = await uploader.UploadAsync(Stream("Hello world."), "../../evil\u0007name.txt", "c");
        var again = await uploader.UploadAsync(Stream("Hello world."), "copy.txt", "c");

        Assert.Equal("queued", first.Status);
        Assert.DoesNotContain("/", first.Name, StringComparison.Ordinal);
        Assert.True(again.IsDuplicate);
        Assert.Equal(first.Id, again.Id);
        var stored = Assert.Single(Directory.GetFiles(uploads));
        Assert.Matches("^[0-9a-f]{32}\\.bin$", Path.GetFileName(stored));
    }

    [Fact]
    public async Task The_stored_file_is_in_place_before_its_job_can_be_claimed()
    {
        // A worker woken by another upload may claim the job as soon as it is queued.
        store.OnEnqueue = d => Assert.True(File.Exists(Path.Combine(uploads, d.StoredFile)), "queued before its file was in place");

        var first = await Uploader().UploadAsync(Stream("Hello world."), "a.txt", "c");
        var duplicate = await Uploader().UploadAsync(Stream("Hello world."), "b.txt", "c");

        Assert.Equal("queued", first.Status);
        Assert.True(duplicate.IsDuplicate);
        Assert.Single(Directory.GetFiles(uploads));
    }

    [Fact]
    public async Task Too_large_empty_and_binary_uploads_are_rejected_before_anything_is_queued()
    {
        var uploader = Uploader();

        await Assert.ThrowsAsync<FileTooLargeException>(() => uploader.UploadAsync(Stream(new string('a', 10_001)), "big.txt", "c"));
        await Assert.ThrowsAsync<EmptyDocumentException>(() => uploader.UploadAsync(new MemoryStream(), "empty.txt", "c"));
        await Assert.ThrowsAsync<UnsupportedContentException>(() => uploader.UploadAsync(new MemoryStream([0, 1, 2, 3, 0, 0, 9]), "x.bin", "c"));

        Assert.Empty(Directory.GetFiles(uploads));
        Assert.Empty(await store.ListAsync(null));
    }

    [Fact]
    public async Task Worker_stages_make_every_good_document_ready_and_fail_bad_ones_with_a_reason()
    {
        var uploader = Uploader();
        var good = await uploader.UploadAsync(Stream(string.Join("\n\n", Enumerable.Range(0, 40).Select(i => $"Paragraph {i} talks about topic {i} at length with several words."))), "good.txt", "c");
        var bad = await uploader.UploadAsync(new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage")), "bad.pdf", "c");

        var results = await Processor(batchSize: 4).DrainAsync();

        Assert.Equal(2, results.Count);
        var ready = (await store.GetAsync(good.Id))!;
        var failed = (await store.GetAsync(bad.Id))!;
        Assert.Equal("ready", ready.Status);
        Assert.True(ready.Chunks > 1);
        Assert.Equal("failed", failed.Status);
        Assert.Contains("PDF", failed.Error, StringComparison.Ordinal);
        Assert.Equal(ready.Chunks, await vectors.CountAsync("hash"));

        // Progress is recorded after every batch and ends at the total.
        var reports = store.ProgressReports.Where(p => p.Id == good.Id).ToList();
        Assert.True(reports.Count > 1);
        Assert.Equal((ready.Chunks, ready.Chunks), (reports[^1].Done, reports[^1].Total));
    }

    [Fact]
    public async Task Running_a_job_again_replaces_its_vectors_instead_of_adding_to_them()
    {
        var id = (await Uploader().UploadAsync(Stream("One paragraph.\n\nAnother paragraph."), "a.txt", "c")).Id;
        var processor = Processor();
        await processor.DrainAsync();
        var once = await vectors.CountAsync("hash");

        await store.RequeueAsync(id);
        await processor.DrainAsync();

        Assert.Equal(once, await vectors.CountAsync("hash"));
        Assert.Equal("ready", (await store.GetAsync(id))!.Status);
    }

    [Fact]
    public async Task Missing_stored_file_fails_with_a_reason_and_the_queue_moves_on()
    {
        var lost = await Uploader().UploadAsync(Stream("Soon gone."), "lost.txt", "c");
        var kept = await Uploader().UploadAsync(Stream("Still here."), "kept.txt", "c");
        File.Delete(Path.Combine(uploads, (await store.GetAsync(lost.Id))!.StoredFile!));

        await Processor().DrainAsync();

        Assert.Equal("failed", (await store.GetAsync(lost.Id))!.Status);
        Assert.Contains("Upload the file again", (await store.GetAsync(lost.Id))!.Error, StringComparison.Ordinal);
        Assert.Equal("ready", (await store.GetAsync(kept.Id))!.Status);
    }

    public void Dispose() => Directory.Delete(uploads, recursive: true);

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private DocumentUploader Uploader() =>
        new(store, new IngestionSignal(), Options.Create(new IngestionPipelineOptions { UploadsDirectory = uploads }), Options.Create(limits));

    private DocumentIngestionProcessor Processor(int batchSize = 64)
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
            Options.Create(new IngestionPipelineOptions { UploadsDirectory = uploads, EmbedBatchSize = batchSize }),
            NullLogger<DocumentIngestionProcessor>.Instance);
    }
}
