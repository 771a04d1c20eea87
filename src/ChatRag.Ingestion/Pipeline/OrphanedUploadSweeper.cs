using System.Text.RegularExpressions;
using ChatRag.Core.Ingestion;
using ChatRag.Ingestion.Ocr;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Pipeline;

/// <summary>
/// Removes what a crash left in the uploads folder: <c>.part</c> files of interrupted uploads, and stored originals
/// no job refers to (a crash between storing a file and queueing it, or between deleting a document and its file).
/// Only files under our generated names and older than <see cref="IngestionPipelineOptions.OrphanGraceSeconds"/> are
/// touched, and a file any job refers to is never removed. As a hosted service it sweeps once at start-up, and also
/// removes the temporary OCR page-image folders of processes that are gone (<see cref="OcrScratch"/>).
/// </summary>
public sealed partial class OrphanedUploadSweeper(
    IIngestionJobStore jobs,
    IOptions<IngestionPipelineOptions> options,
    ILogger<OrphanedUploadSweeper> logger) : BackgroundService
{
    /// <summary>Deletes the orphans; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var folder = new DirectoryInfo(Path.GetFullPath(options.Value.UploadsDirectory));
        if (!folder.Exists)
        {
            return 0;
        }

        // Candidates before the rows: a file committed in between is then found among the rows.
        var cutoff = DateTime.UtcNow - TimeSpan.FromSeconds(options.Value.OrphanGraceSeconds);
        var candidates = folder.EnumerateFiles().Where(f => GeneratedName().IsMatch(f.Name) && f.LastWriteTimeUtc < cutoff).ToList();
        if (candidates.Count == 0)
        {
            return 0;
        }

        var kept = await jobs.ListStoredFilesAsync(cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var file in candidates.Where(f => !kept.Contains(f.Name)))
        {
            try
            {
                file.Delete();
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogNotRemoved(e, file.Name);
            }
        }

        if (removed > 0)
        {
            LogRemoved(removed, folder.FullName);
        }

        return removed;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Yield first so host start-up is not held up by the folder scan.
        await Task.Yield();
        try
        {
            await SweepAsync(stoppingToken).ConfigureAwait(false);
            var scratch = OcrScratch.SweepStale(Path.GetTempPath(), (folder, e) => LogNotRemoved(e, folder));
            if (scratch > 0)
            {
                LogScratchRemoved(scratch, Path.GetTempPath());
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Leftover files only cost disk space; never stop the host over them.
            LogSweepFailed(e);
        }
    }

    // DocumentUploader's names: 32 hex digits, ".bin", and ".part" while the upload streams in.
    [GeneratedRegex("^[0-9a-f]{32}\\.bin(\\.part)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} orphaned upload file(s) left by an earlier crash from {Folder}")]
    private partial void LogRemoved(int count, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} OCR page-image folder(s) left by a crashed run from {Folder}")]
    private partial void LogScratchRemoved(int count, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove orphaned upload file {File}")]
    private partial void LogNotRemoved(Exception exception, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clean orphaned upload files at start-up")]
    private partial void LogSweepFailed(Exception exception);
}
