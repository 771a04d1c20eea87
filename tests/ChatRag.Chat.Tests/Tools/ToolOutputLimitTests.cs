using ChatRag.Chat.Tools;
using ChatRag.Core.Documents;
using ChatRag.Core.Ingestion;
using ChatRag.Core.Retrieval;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.Options;

namespace ChatRag.Chat.Tests.Tools;

/// <summary>Tool results are bounded (they go into the model's context) and say when they left something out.</summary>
public sealed class ToolOutputLimitTests
{
    private readonly InMemoryDocumentRepository repository = new();
    private readonly ToolCallLog log = new();

    [Fact]
    public async Task Read_document_says_how_much_it_showed_when_the_document_is_longer_than_a_result()
    {
        var id = Guid.NewGuid();
        var chunks = Enumerable.Range(0, 20).Select(i => new NewChunk(i, $"Passage {i}: " + new string('x', 900), Page: i + 1)).ToArray();
        await repository.AddDocumentAsync(new NewDocument(id, "long.txt", "default", "h1"), chunks);

        var result = await Tools().ReadDocumentAsync(id.ToString());

        Assert.Contains("Passage 0:", result, StringComparison.Ordinal);
        Assert.DoesNotContain("Passage 19:", result, StringComparison.Ordinal);
        Assert.Matches(@"\[Truncated: showed \d+ of 20 passages whole\.", result);
        Assert.True(result.Length < 8_000, $"{result.Length} characters");
    }

    [Fact]
    public async Task Read_document_cuts_one_huge_passage_and_says_so()
    {
        var id = Guid.NewGuid();
        await repository.AddDocumentAsync(new NewDocument(id, "huge.txt", "default", "h2"), [new NewChunk(0, "Start. " + new string('y', 200_000), Page: 1)]);

        var result = await Tools().ReadDocumentAsync(id.ToString());

        Assert.True(result.Length < 8_000, $"{result.Length} characters");
        Assert.Contains("[Truncated: showed 0 of 1 passages whole.", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_document_is_read_whole_without_a_truncation_note()
    {
        var id = Guid.NewGuid();
        await repository.AddDocumentAsync(new NewDocument(id, "short.txt", "default", "h3"), [new NewChunk(0, "Only this.", Page: 1)]);

        var result = await Tools().ReadDocumentAsync(id.ToString());

        Assert.Contains("Only this.", result, StringComparison.Ordinal);
        Assert.DoesNotContain("Truncated", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_documents_is_capped_and_says_that_more_exist()
    {
        var store = new ListingStore(Enumerable.Range(0, 5_000).Select(i => Info($"document-{i:D4}.txt")).ToList());

        var result = await Tools(store).ListDocumentsAsync();

        Assert.Contains("document-0000.txt", result, StringComparison.Ordinal);
        Assert.DoesNotContain("document-4999.txt", result, StringComparison.Ordinal);
        Assert.Contains("[Truncated: more documents exist", result, StringComparison.Ordinal);
        Assert.True(result.Length < 8_000, $"{result.Length} characters");
    }

    [Fact]
    public async Task A_short_document_list_is_whole_without_a_truncation_note()
    {
        var result = await Tools(new ListingStore([Info("a.txt"), Info("b.txt")])).ListDocumentsAsync();

        Assert.Contains("a.txt", result, StringComparison.Ordinal);
        Assert.Contains("b.txt", result, StringComparison.Ordinal);
        Assert.DoesNotContain("Truncated", result, StringComparison.Ordinal);
    }

    private static DocumentInfo Info(string name) =>
        new(Guid.NewGuid(), name, "default", "ready", 3, null, 3, 3, 100, "text/plain", null, DateTime.UtcNow, null);

    private ChatTools Tools(IIngestionJobStore? documents = null)
    {
        var searcher = new HybridSearcher(
            FixedEncoderCatalog.Hashing(), new BruteForceVectorIndex(), new ScanningLexicalIndex(repository), repository, Options.Create(new RetrievalOptions()));
        return new ChatTools(searcher, documents, ["default"], TimeProvider.System, log, repository);
    }

    /// <summary>Serves the document list only, in pages, like the real store; every other call is not part of these tests.</summary>
    private sealed class ListingStore(List<DocumentInfo> documents) : IIngestionJobStore
    {
        public Task<DocumentPage> ListPageAsync(string? collection, int limit, DocumentCursor? after, CancellationToken cancellationToken = default)
        {
            var start = after is { } a ? documents.FindIndex(d => d.Id == a.Id) + 1 : 0;
            var page = documents.Skip(start).Take(limit).ToList();
            var next = start + limit < documents.Count ? new DocumentCursor(page[^1].CreatedAt, page[^1].Id) : (DocumentCursor?)null;
            return Task.FromResult(new DocumentPage(page, next));
        }

        public Task<IReadOnlyList<DocumentInfo>> ListAsync(string? collection, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<DocumentInfo>>(documents);

        public Task<EnqueueResult> EnqueueAsync(QueuedDocument document, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IngestionJob?> ClaimNextAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<int> RequeueInterruptedAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<StalledJobsSweep> RequeueStalledAsync(TimeSpan lease, int maxAttempts, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task RenewLeasesAsync(IReadOnlyCollection<IngestionJob> claims, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> ReleaseAsync(IngestionJob job, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task EnsureClaimAsync(IngestionJob job, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> RequeueAsync(Guid documentId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<StoredChunk>> ReplaceChunksAsync(IngestionJob job, IReadOnlyList<NewChunk> chunks, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task ReportProgressAsync(IngestionJob job, int done, int total, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task ReportStageProgressAsync(IngestionJob job, string stage, int done, int total, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CompleteAsync(IngestionJob job, int chunkCount, string? timings, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task FailAsync(IngestionJob job, string error, string? timings, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlySet<string>> ListStoredFilesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<DocumentInfo?> GetAsync(Guid documentId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<DocumentInfo?> DeleteAsync(Guid documentId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
