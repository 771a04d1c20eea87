using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ChatRag.Core.Documents;
using ChatRag.Core.Embeddings;
using ChatRag.Core.Indexing;
using ChatRag.Core.Retrieval;

namespace ChatRag.Core.Evaluation;

/// <summary>Ingests a BEIR corpus through the real storage and indexes, then scores the retrieval engine on its queries.</summary>
public sealed class RetrievalEvaluator(
    IDocumentRepository documents,
    IVectorIndex vectors,
    ChunkIndexer indexer,
    HybridSearcher searcher,
    IEncoderCatalog encoders)
{
    /// <summary>Removes every document of the collection (and its vectors), for example after an interrupted ingest.</summary>
    public async Task ResetAsync(string collection, CancellationToken cancellationToken = default)
    {
        foreach (var id in (await documents.GetExternalIdsAsync(collection, cancellationToken)).Keys)
        {
            await vectors.DeleteDocumentAsync(id, cancellationToken);
            await documents.DeleteDocumentAsync(id, cancellationToken);
        }
    }

    /// <summary>Stores, chunks, embeds and indexes the corpus into the collection; returns documents per second.</summary>
    public async Task<double> IngestAsync(
        BeirDataset data,
        string collection,
        Func<BeirDocument, IReadOnlyList<NewChunk>> chunker,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var seconds = await StoreAsync(data, collection, chunker, progress, cancellationToken);
        foreach (var encoder in encoders.Encoders)
        {
            seconds += await EmbedAsync(collection, encoder, progress, cancellationToken);
        }

        return data.Corpus.Count / seconds;
    }

    /// <summary>Chunks the corpus and stores documents, chunks and lexical entries (no embedding); returns seconds taken.</summary>
    public async Task<double> StoreAsync(
        BeirDataset data,
        string collection,
        Func<BeirDocument, IReadOnlyList<NewChunk>> chunker,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(chunker);
        var clock = Stopwatch.StartNew();
        await documents.EnsureCollectionAsync(collection, cancellationToken);
        const int batchSize = 100; // one transaction per batch: the lexical index makes per-document commits the bottleneck
        for (var start = 0; start < data.Corpus.Count; start += batchSize)
        {
            var batch = data.Corpus.Skip(start).Take(batchSize).Select(doc =>
            {
                var name = string.IsNullOrWhiteSpace(doc.Title) ? doc.Id : doc.Title;
                var newDocument = new NewDocument(StableGuid(collection, doc.Id), name, collection, Sha256(doc.Title + "\n" + doc.Text), doc.Id);
                return new NewDocumentWithChunks(newDocument, chunker(doc));
            }).ToList();
            await documents.AddDocumentsAsync(batch, cancellationToken);
            progress?.Report(new EvaluationProgress("store", Math.Min(data.Corpus.Count, start + batchSize), data.Corpus.Count));
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Embeds every stored chunk of the collection with one encoder; returns seconds taken.</summary>
    public async Task<double> EmbedAsync(string collection, NamedEncoder encoder, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var clock = Stopwatch.StartNew();
        var chunks = new List<StoredChunk>();
        await foreach (var chunk in documents.StreamChunksAsync(collection, cancellationToken))
        {
            chunks.Add(chunk);
        }

        var stage = "embed:" + encoder.Space;
        await indexer.IndexAsync(encoder, chunks, 128, new SynchronousProgress(done => progress?.Report(new EvaluationProgress(stage, done, chunks.Count))), cancellationToken);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Runs every judged query of the split and averages the metrics; document rank is the best rank of its chunks.</summary>
    public async Task<EvaluationReport> EvaluateAsync(
        BeirDataset data,
        string collection,
        SearchMode mode,
        string split = QuerySplit.All,
        int chunkDepth = 100,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var externalIds = await documents.GetExternalIdsAsync(collection, cancellationToken);
        var queries = data.Queries.Where(q => QuerySplit.Contains(split, q.Key)).OrderBy(q => q.Key, StringComparer.Ordinal).ToList();
        var latencies = new List<double>(queries.Count);
        double ndcg = 0, recall10 = 0, recall100 = 0, mrr = 0;
        string? reranker = null;
        var rerankFallbacks = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var (queryId, text) = queries[i];
            var clock = Stopwatch.StartNew();
            var response = await searcher.SearchAsync(new SearchRequest(text, [collection], chunkDepth, mode), cancellationToken);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            reranker ??= response.Rerank?.Model;
            rerankFallbacks += response.Rerank is { Applied: false } ? 1 : 0;
            var ranked = response.Results
                .Select(r => externalIds.TryGetValue(r.Chunk.DocumentId, out var id) ? id : null)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var judged = data.Qrels[queryId];
            ndcg += RetrievalMetrics.Ndcg(ranked, judged, 10);
            recall10 += RetrievalMetrics.Recall(ranked, judged, 10);
            recall100 += RetrievalMetrics.Recall(ranked, judged, 100);
            mrr += RetrievalMetrics.ReciprocalRank(ranked, judged, 10);
            if (i % 25 == 0 || i == queries.Count - 1)
            {
                progress?.Report(new EvaluationProgress("query", i + 1, queries.Count));
            }
        }

        var n = Math.Max(1, queries.Count);
        return new EvaluationReport
        {
            Ndcg10 = ndcg / n,
            Recall10 = recall10 / n,
            Recall100 = recall100 / n,
            Mrr10 = mrr / n,
            QueryP50Ms = RetrievalMetrics.Percentile(latencies, 50),
            QueryP95Ms = RetrievalMetrics.Percentile(latencies, 95),
            Queries = queries.Count,
            Mode = mode.ToString().ToLowerInvariant(),
            Split = split,
            Encoders = mode == SearchMode.Lexical ? [] : encoders.Encoders.Select(e => e.Space).ToList(),
            Reranker = reranker,
            RerankFallbacks = reranker is null ? null : rerankFallbacks,
        };
    }

    private static Guid StableGuid(string collection, string id) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(collection + "\u0000" + id)).AsSpan(0, 16));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
