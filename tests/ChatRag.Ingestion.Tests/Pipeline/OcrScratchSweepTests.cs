using System.Diagnostics;
using ChatRag.Ingestion.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRag.Ingestion.Tests.Pipeline;

/// <summary>
/// Page images of OCR live in temporary folders; a crash mid-page leaves one behind. The start-up sweep removes
/// those of processes that are gone, and never those of a live process (another server, another test run).
/// </summary>
public sealed class OcrScratchSweepTests : IAsyncLifetime
{
    private readonly List<string> made = [];
    private SqlitePipeline pipeline = null!;

    public async Task InitializeAsync() => pipeline = await SqlitePipeline.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var folder in made.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }

        await pipeline.DisposeAsync();
    }

    [Fact]
    public async Task The_start_up_sweep_removes_ocr_folders_of_dead_processes_and_keeps_live_ones()
    {
        var dead = Folder($"chatrag-ocr-{DeadPid()}-{Guid.NewGuid():N}", DateTime.UtcNow);
        var live = Folder($"chatrag-ocr-{Environment.ProcessId}-{Guid.NewGuid():N}", DateTime.UtcNow.AddDays(-3));
        var legacyOld = Folder($"chatrag-ocr-{Guid.NewGuid():N}", DateTime.UtcNow.AddDays(-3));
        var legacyFresh = Folder($"chatrag-ocr-{Guid.NewGuid():N}", DateTime.UtcNow);
        var foreign = Folder($"chatrag-scan-{Guid.NewGuid():N}", DateTime.UtcNow.AddDays(-3));

        var sweeper = new OrphanedUploadSweeper(pipeline.Jobs, Microsoft.Extensions.Options.Options.Create(pipeline.Options), NullLogger<OrphanedUploadSweeper>.Instance);
        await sweeper.StartAsync(CancellationToken.None);
        await sweeper.ExecuteTask!;

        Assert.False(Directory.Exists(dead), "a dead process's page images were kept");
        Assert.False(Directory.Exists(legacyOld), "an old folder without an owner was kept");
        Assert.All([live, legacyFresh, foreign], f => Assert.True(Directory.Exists(f), f));
    }

    private string Folder(string name, DateTime writtenUtc)
    {
        var path = Path.Combine(Path.GetTempPath(), name);
        Directory.CreateDirectory(path);
        File.WriteAllBytes(Path.Combine(path, "page-1.png"), [1, 2, 3]);
        Directory.SetLastWriteTimeUtc(path, writtenUtc);
        made.Add(path);
        return path;
    }

    /// <summary>The id of a process that has exited and been reaped.</summary>
    private static int DeadPid()
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
