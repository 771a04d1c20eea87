using System.Buffers;
using System.Security.Cryptography;
using ChatRag.Core.Ingestion;
using ChatRag.Ingestion.Detection;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Model;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Pipeline;

/// <summary>
/// Accepts one uploaded file: streams it to a temporary file under a generated name while hashing it, rejects it
/// early when it is too large, empty or of an unknown type, and queues it unless the collection already holds the
/// same bytes. Parsing happens later, in the worker.
/// </summary>
public sealed class DocumentUploader(
    IIngestionJobStore jobs,
    IngestionSignal signal,
    IOptions<IngestionPipelineOptions> pipeline,
    IOptions<IngestionLimitsOptions> limits)
{
    private const int SniffBytes = 8192;

    /// <summary>Stores and queues a file.</summary>
    /// <exception cref="DocumentRejectedException">Too large (413), empty or unknown type (415/422); nothing was stored.</exception>
    public async Task<UploadOutcome> UploadAsync(Stream content, string? fileName, string collection, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        using var staged = await StageAsync(content, fileName, cancellationToken).ConfigureAwait(false);
        return await CommitAsync(staged, collection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams a file to a temporary name in the uploads folder while hashing it, and checks its size and type as the
    /// bytes arrive; nothing is queued yet. Lets a caller hold several files until it knows their collection.
    /// </summary>
    /// <exception cref="DocumentRejectedException">Too large (413), empty or unknown type (415/422); nothing was stored.</exception>
    public async Task<StagedUpload> StageAsync(Stream content, string? fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = FileNameSanitizer.ToDisplayName(fileName);
        var folder = Path.GetFullPath(pipeline.Value.UploadsDirectory);
        Directory.CreateDirectory(folder);

        // Never the user's name on disk: a generated one cannot traverse, collide or carry control characters.
        var storedFile = Guid.NewGuid().ToString("N") + ".bin";
        var temp = Path.Combine(folder, storedFile + ".part");
        try
        {
            var (hash, size, head) = await CopyAsync(content, temp, cancellationToken).ConfigureAwait(false);
            var kind = await SniffAsync(head, temp, fileName, cancellationToken).ConfigureAwait(false);
            return new StagedUpload(name, folder, storedFile, hash, ContentTypes.Of(kind), size);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Queues a staged file in a collection and moves it into place, unless the collection already holds the same bytes.</summary>
    public async Task<UploadOutcome> CommitAsync(StagedUpload staged, string collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staged);
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        var id = Guid.NewGuid();

        // In place before the job exists: a worker may claim the job the moment it is committed (woken by another
        // upload or its poll), and must find the file there. Freshly dated, so start-up cleanup of orphans (files older
        // than a grace period that no job refers to) cannot take it in the moment before its job is written.
        File.SetLastWriteTimeUtc(staged.TempPath, DateTime.UtcNow);
        File.Move(staged.TempPath, staged.FinalPath);
        EnqueueResult result;
        try
        {
            result = await jobs.EnqueueAsync(new QueuedDocument(id, staged.Name, collection, staged.ContentHash, staged.StoredFile, staged.ContentType, staged.SizeBytes), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            File.Delete(staged.FinalPath);
            throw;
        }

        if (result.Duplicate)
        {
            File.Delete(staged.FinalPath);
            return new UploadOutcome(result.DocumentId, staged.Name, UploadOutcome.DuplicateStatus);
        }

        signal.Notify();
        return new UploadOutcome(id, staged.Name, "queued");
    }

    private async Task<(string Hash, long Size, byte[] Head)> CopyAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        var max = limits.Value.MaxFileBytes;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        var head = new MemoryStream();
        long size = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, buffer.Length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                size += read;
                if (size > max)
                {
                    throw new FileTooLargeException($"The file is larger than {max / (1024.0 * 1024):0.#} MiB, the configured limit. Split it or compress its images and upload it again.");
                }

                if (head.Length < SniffBytes)
                {
                    head.Write(buffer, 0, (int)Math.Min(read, SniffBytes - head.Length));
                }

                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (Convert.ToHexStringLower(sha.GetHashAndReset()), size, head.ToArray());
    }

    private async Task<DocumentKind> SniffAsync(byte[] head, string path, string? fileName, CancellationToken cancellationToken)
    {
        // Office packages are told apart by their zip directory, at the end of the file; everything else by its first bytes.
        var sample = head.AsSpan().StartsWith("PK"u8)
            ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)
            : head;
        return ContentSniffer.Detect(sample, fileName, limits.Value).Kind;
    }
}
