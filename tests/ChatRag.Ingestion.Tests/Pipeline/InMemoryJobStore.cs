using ChatRag.Core.Documents;
using ChatRag.Core.Ingestion;

namespace ChatRag.Ingestion.Tests.Pipeline;

/// <summary>A hand-written <see cref="IIngestionJobStore"/> keeping rows in memory, recording every progress report.</summary>
internal sealed class InMemoryJobStore : IIngestionJobStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, Row> rows = [];
    private long nextChunkId;

    public List<(Guid Id, int Done, int Total)> ProgressReports { get; } = [];

    public Dictionary<Guid, List<StoredChunk>> Chunks { get; } = [];

    /// <summary>Runs as each document is queued, before the job becomes claimable.</summary>
    public Action<QueuedDocument>? OnEnqueue { get; set; }

    public Task<EnqueueResult> EnqueueAsync(QueuedDocument document, CancellationToken cancellationToken = default)
    {
        OnEnqueue?.Invoke(document);
        lock (gate)
        {
            var existing = rows.Values.FirstOrDefault(r => r.Doc.Collection == document.Collection && r.Doc.ContentHash == document.ContentHash);
            if (existing is not null)
            {
                return Task.FromResult(new EnqueueResult(existing.Doc.Id, true));
            }

            rows[document.Id] = new Row(document) { Status = "queued", State = "queued" };
            return Task.FromResult(new EnqueueResult(document.Id, false));
        }
    }

    public Task<IngestionJob?> ClaimNextAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var row = rows.Values.FirstOrDefault(r => r.State == "queued");
            if (row is null)
            {
                return Task.FromResult<IngestionJob?>(null);
            }

            row.State = row.Status = "processing";
            row.Attempts++;
            row.Token++;
            row.Heartbeat = DateTime.UtcNow;
            var d = row.Doc;
            return Task.FromResult<IngestionJob?>(new IngestionJob(d.Id, d.Name, d.Collection, d.ContentHash, d.StoredFile, row.Attempts, row.Token));
        }
    }

    public Task<int> RequeueInterruptedAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var stuck = rows.Values.Where(r => r.State == "processing").ToList();
            stuck.ForEach(r => (r.State, r.Status, r.Token) = ("queued", "queued", r.Token + 1));
            return Task.FromResult(stuck.Count);
        }
    }

    /// <summary>Puts a job in processing as if a worker that then died had claimed it <paramref name="attempts"/> times, its heartbeat long gone.</summary>
    public void Stall(Guid documentId, int attempts)
    {
        lock (gate)
        {
            var row = rows[documentId];
            row.State = row.Status = "processing";
            row.Attempts = attempts;
            row.Token++;
            row.Heartbeat = DateTime.UtcNow.AddHours(-1);
        }
    }

    public Task<StalledJobsSweep> RequeueStalledAsync(TimeSpan lease, int maxAttempts, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var stalled = rows.Values.Where(r => r.State == "processing" && r.Heartbeat < DateTime.UtcNow - lease).ToList();
            var failed = stalled.Where(r => r.Attempts >= maxAttempts).ToList();
            failed.ForEach(r => (r.State, r.Status, r.Error, r.Token) = ("done", "failed", "stopped responding", r.Token + 1));
            stalled.Except(failed).ToList().ForEach(r => (r.State, r.Status, r.Token) = ("queued", "queued", r.Token + 1));
            return Task.FromResult(new StalledJobsSweep(stalled.Count - failed.Count, failed.Count));
        }
    }

    public Task RenewLeasesAsync(IReadOnlyCollection<IngestionJob> claims, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            foreach (var claim in claims)
            {
                if (IsCurrent(claim, out var row))
                {
                    row.Heartbeat = DateTime.UtcNow;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> ReleaseAsync(IngestionJob job, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!IsCurrent(job, out var row))
            {
                return Task.FromResult(false);
            }

            (row.State, row.Status, row.Token) = ("queued", "queued", row.Token + 1);
            return Task.FromResult(true);
        }
    }

    public Task EnsureClaimAsync(IngestionJob job, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            Fence(job);
        }

        return Task.CompletedTask;
    }

    public Task<bool> RequeueAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!rows.TryGetValue(documentId, out var row))
            {
                return Task.FromResult(false);
            }

            (row.State, row.Status, row.Token) = ("queued", "queued", row.Token + 1);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<StoredChunk>> ReplaceChunksAsync(IngestionJob job, IReadOnlyList<NewChunk> chunks, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            Fence(job);
            var stored = chunks.Select(c => new StoredChunk(++nextChunkId, job.DocumentId, job.Collection, c.Text)).ToList();
            Chunks[job.DocumentId] = stored;
            return Task.FromResult<IReadOnlyList<StoredChunk>>(stored);
        }
    }

    public Task ReportProgressAsync(IngestionJob job, int done, int total, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            Fence(job).Heartbeat = DateTime.UtcNow;
            ProgressReports.Add((job.DocumentId, done, total));
        }

        return Task.CompletedTask;
    }

    public Task ReportStageProgressAsync(IngestionJob job, string stage, int done, int total, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            Fence(job).Heartbeat = DateTime.UtcNow;
        }

        return Task.CompletedTask;
    }

    public Task CompleteAsync(IngestionJob job, int chunkCount, string? timings, CancellationToken cancellationToken = default) =>
        Finish(job, "ready", null, chunkCount);

    public Task FailAsync(IngestionJob job, string error, string? timings, CancellationToken cancellationToken = default) =>
        Finish(job, "failed", error, 0);

    public Task<IReadOnlySet<string>> ListStoredFilesAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlySet<string>>(rows.Values.Select(r => r.Doc.StoredFile).ToHashSet());
        }
    }

    public Task<DocumentInfo?> GetAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(rows.TryGetValue(documentId, out var r) ? Info(r) : null);
        }
    }

    public async Task<DocumentPage> ListPageAsync(string? collection, int limit, DocumentCursor? after, CancellationToken cancellationToken = default)
    {
        var all = (await ListAsync(collection, cancellationToken)).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id.ToString("D").ToUpperInvariant(), StringComparer.Ordinal).ToList();
        var start = after is { } a ? all.FindIndex(d => d.CreatedAt < a.CreatedAt || d.CreatedAt == a.CreatedAt && string.CompareOrdinal(d.Id.ToString("D").ToUpperInvariant(), a.Id.ToString("D").ToUpperInvariant()) < 0) : 0;
        var rest = start < 0 ? [] : all[start..];
        return rest.Count <= limit
            ? new DocumentPage(rest, null)
            : new DocumentPage(rest[..limit], new DocumentCursor(rest[limit - 1].CreatedAt, rest[limit - 1].Id));
    }

    public Task<IReadOnlyList<DocumentInfo>> ListAsync(string? collection, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<DocumentInfo>>(rows.Values.Where(r => collection is null || r.Doc.Collection == collection).Select(Info).ToList());
        }
    }

    public Task<DocumentInfo?> DeleteAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(rows.Remove(documentId, out var r) ? Info(r) : null);
        }
    }

    private Task Finish(IngestionJob job, string status, string? error, int chunks)
    {
        lock (gate)
        {
            var row = Fence(job);
            row.Status = status;
            row.State = "done";
            row.Error = error;
            row.ChunkCount = chunks;
        }

        return Task.CompletedTask;
    }

    private bool IsCurrent(IngestionJob job, out Row row) =>
        rows.TryGetValue(job.DocumentId, out row!) && row.State == "processing" && row.Token == job.ClaimToken;

    private Row Fence(IngestionJob job) =>
        IsCurrent(job, out var row) ? row
        : rows.ContainsKey(job.DocumentId) ? throw new StaleClaimException(job.DocumentId, job.ClaimToken)
        : throw new KeyNotFoundException($"Document {job.DocumentId} is gone.");

    private static DocumentInfo Info(Row r) => new(
        r.Doc.Id, r.Doc.Name, r.Doc.Collection, r.Status, r.ChunkCount, r.Error, 0, 0, r.Doc.SizeBytes, r.Doc.ContentType, r.Doc.StoredFile, DateTime.UtcNow, null);

    private sealed class Row(QueuedDocument doc)
    {
        public QueuedDocument Doc { get; } = doc;

        public required string Status { get; set; }

        public required string State { get; set; }

        public string? Error { get; set; }

        public int ChunkCount { get; set; }

        public int Attempts { get; set; }

        public long Token { get; set; }

        public DateTime Heartbeat { get; set; }
    }
}
