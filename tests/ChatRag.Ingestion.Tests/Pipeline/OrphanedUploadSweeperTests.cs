using ChatRag.Ingestion.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRag.Ingestion.Tests.Pipeline;

/// <summary>Start-up cleanup of the uploads folder against the real SQLite job store.</summary>
public sealed class OrphanedUploadSweeperTests : IAsyncLifetime
{
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddDays(-2);

    private SqlitePipeline pipeline = null!;

    private string Uploads => pipeline.Options.UploadsDirectory;

    public async Task InitializeAsync() => pipeline = await SqlitePipeline.CreateAsync();

    public async Task DisposeAsync() => await pipeline.DisposeAsync();

    [Fact]
    public async Task Old_part_files_and_unreferenced_originals_go_while_documents_fresh_uploads_and_foreign_files_stay()
    {
        // A queued and a ready document: their originals stay, however old.
        var ready = await pipeline.UploadAsync("Already processed and searchable.");
        await pipeline.Processor(new TestKit.Fakes.HashingEmbeddingGenerator(SqlitePipeline.Dimensions)).DrainAsync();
        var queued = await pipeline.UploadAsync("Still waiting for the worker.");
        var documentFiles = Directory.GetFiles(Uploads);
        Assert.Equal(2, documentFiles.Length);
        Assert.Equal("ready", (await pipeline.Jobs.GetAsync(ready))!.Status);
        Assert.Equal("queued", (await pipeline.Jobs.GetAsync(queued))!.Status);

        var crashedUpload = File("0123456789abcdef0123456789abcdef.bin.part", LongAgo);
        var unqueuedOriginal = File("fedcba9876543210fedcba9876543210.bin", LongAgo);
        var uploadInFlight = File("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bin.part", DateTime.UtcNow);
        var justStored = File("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.bin", DateTime.UtcNow);
        var operatorsFile = File("notes.txt", LongAgo);
        foreach (var file in documentFiles)
        {
            System.IO.File.SetLastWriteTimeUtc(file, LongAgo);
        }

        var sweeper = new OrphanedUploadSweeper(pipeline.Jobs, Microsoft.Extensions.Options.Options.Create(pipeline.Options), NullLogger<OrphanedUploadSweeper>.Instance);
        Assert.Equal(2, await sweeper.SweepAsync());

        Assert.False(System.IO.File.Exists(crashedUpload));
        Assert.False(System.IO.File.Exists(unqueuedOriginal));
        Assert.All([.. documentFiles, uploadInFlight, justStored, operatorsFile], f => Assert.True(System.IO.File.Exists(f), f));

        // The documents still process from their originals.
        var results = await pipeline.Processor(new TestKit.Fakes.HashingEmbeddingGenerator(SqlitePipeline.Dimensions)).DrainAsync();
        Assert.All(results, r => Assert.Equal("ready", r.Status));
    }

    [Fact]
    public async Task A_missing_uploads_folder_is_nothing_to_clean()
    {
        var sweeper = new OrphanedUploadSweeper(pipeline.Jobs, Microsoft.Extensions.Options.Options.Create(pipeline.Options), NullLogger<OrphanedUploadSweeper>.Instance);

        Assert.Equal(0, await sweeper.SweepAsync());
    }

    private string File(string name, DateTime written)
    {
        Directory.CreateDirectory(Uploads);
        var path = Path.Combine(Uploads, name);
        System.IO.File.WriteAllText(path, "left behind");
        System.IO.File.SetLastWriteTimeUtc(path, written);
        return path;
    }
}
