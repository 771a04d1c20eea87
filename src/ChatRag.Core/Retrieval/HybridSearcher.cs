using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatRag.Core.Documents;
using ChatRag.Core.Embeddings;
using ChatRag.Core.Indexing;
using ChatRag.Core.Retrieval.Reranking;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatRag.Core.Retrieval;

/// <summary>
/// The retrieval engine: BM25 and every configured encoder search in parallel, each restricted to the caller's
/// collections inside its index, then the ranked lists are fused with weighted reciprocal rank fusion, and an optional
/// cross-encoder reorders the best fused candidates.
/// </summary>
public sealed class HybridSearcher(
    IEncoderCatalog encoders,
    IVectorIndex vectors,
    ILexicalIndex lexical,
    IDocumentRepository documents,
    IOptions<RetrievalOptions> options,
    RerankStage? rerank = null)
{
    /// <summary>
    /// Activity source and meter name for retrieval: spans <c>retrieval.search</c> with one child per signal
    /// (<c>retrieval.lexical</c>, <c>retrieval.vector</c>), then <c>retrieval.fusion</c> and <c>retrieval.rerank</c>.
    /// </summary>
    public const string ActivitySourceName = "ChatRag.Retrieval";

    /// <summary>At most this many documents may be chosen for one search (a larger choice is the whole collection).</summary>
    public const int MaxChosenDocuments = 100;

    // Enough text for function words to decide, few enough to read in one small query.
    private const int PassagesForLanguage = 3;

    private static readonly ActivitySource Activities = new(ActivitySourceName);
    private static readonly Meter Metrics = new(ActivitySourceName);
    private static readonly Histogram<double> SearchDuration = Metrics.CreateHistogram<double>("chatrag.retrieval.duration", "ms", "Duration of one search, all signals, fusion and rerank.");

    /// <summary>Runs a search. Throws <see cref="QueryRejectedException"/> or <see cref="UnknownCollectionException"/> on bad input.</summary>
    public async Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        Validate(request, settings);
        foreach (var collection in request.Collections)
        {
            if (!await documents.CollectionExistsAsync(collection, cancellationToken).ConfigureAwait(false))
            {
                throw new UnknownCollectionException(collection);
            }
        }

        var chosen = await ChosenDocumentsAsync(request, cancellationToken).ConfigureAwait(false);

        using var activity = Activities.StartActivity("retrieval.search");
        activity?.SetTag("chatrag.search.mode", request.Mode.ToString());
        var total = Stopwatch.StartNew();
        var timings = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var candidates = Math.Max(request.Top, settings.CandidatesPerSignal);
        var query = request.Query.Trim();

        // An index that fuses dense and keyword rankings itself (Qdrant) does the hybrid work server-side, one signal per encoder.
        var serverSide = request.Mode == SearchMode.Hybrid && settings.ServerSideHybrid && vectors is IHybridVectorIndex;
        var tasks = new List<Task<RankFusion.Signal>>();
        Task<RankFusion.Signal>? lexicalSignal = null;
        if (request.Mode != SearchMode.Dense && !serverSide)
        {
            lexicalSignal = LexicalSignalAsync(query, candidates, request.Collections, chosen, settings.LexicalWeight, timings, cancellationToken);
            tasks.Add(lexicalSignal);
        }

        if (request.Mode != SearchMode.Lexical)
        {
            // An encoder trained on English ranks French text poorly; in hybrid mode it would only dilute BM25,
            // so it votes only on queries in its languages (or when the language is unclear).
            var language = request.Mode == SearchMode.Hybrid && settings.RespectEncoderLanguages
                ? QueryLanguage.Detect(query) ?? await LanguageOfTopPassagesAsync(lexicalSignal, cancellationToken).ConfigureAwait(false)
                : null;
            var voting = encoders.Encoders.Where(e => e.Covers(language)).ToList();
            activity?.SetTag("chatrag.search.language", language);
            var denseWeight = 1.0 / Math.Max(1, voting.Count);
            tasks.AddRange(voting.Select(e => DenseSignalAsync(e, query, candidates, request.Collections, chosen, denseWeight, serverSide, timings, cancellationToken)));
            if (voting.Count == 0 && serverSide)
            {
                tasks.Add(LexicalSignalAsync(query, candidates, request.Collections, chosen, settings.LexicalWeight, timings, cancellationToken));
            }
        }

        var signals = await Task.WhenAll(tasks).ConfigureAwait(false);
        var fuseClock = Stopwatch.StartNew();
        var fusion = Activities.StartActivity("retrieval.fusion");
        var reranking = request.Rerank && rerank is { IsActive: true };
        var fused = RankFusion.Fuse(signals, settings.RrfK, reranking ? Math.Max(request.Top, rerank!.Candidates) : request.Top);
        var chunks = await documents.GetChunksAsync(fused.Select(f => f.ChunkId).ToList(), cancellationToken).ConfigureAwait(false);
        var byId = chunks.ToDictionary(c => c.Id);
        var results = fused
            .Where(f => byId.ContainsKey(f.ChunkId))
            .Select(f => new RetrievedChunk(byId[f.ChunkId], f.Score, f.Ranks))
            .ToList();
        timings["fuse"] = fuseClock.Elapsed.TotalMilliseconds;
        fusion?.Dispose();
        RerankOutcome? outcome = null;
        if (reranking)
        {
            using var rerankActivity = Activities.StartActivity("retrieval.rerank");
            (var reordered, outcome) = await rerank!.ApplyAsync(query, results, request.Top, cancellationToken).ConfigureAwait(false);
            results = [.. reordered];
            timings["rerank"] = outcome?.Milliseconds ?? 0;
            activity?.SetTag("chatrag.search.rerank", outcome?.Applied);
        }

        timings["total"] = total.Elapsed.TotalMilliseconds;
        activity?.SetTag("chatrag.search.results", results.Count);
        SearchDuration.Record(timings["total"], new KeyValuePair<string, object?>("chatrag.search.mode", request.Mode.ToString()));
        return new SearchResponse(results, new Dictionary<string, double>(timings)) { Rerank = outcome };
    }

    /// <summary>
    /// The request's chosen documents, each checked to exist in a searched collection (a document elsewhere reads as
    /// unknown), or null when none were chosen. The set travels into every index query; nothing is filtered afterwards.
    /// </summary>
    private async Task<IReadOnlyCollection<Guid>?> ChosenDocumentsAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        if (request.Documents is not { Count: > 0 } ids)
        {
            return null;
        }

        var chosen = ids.Distinct().ToList();
        var found = await documents.GetDocumentCollectionsAsync(chosen, cancellationToken).ConfigureAwait(false);
        foreach (var id in chosen)
        {
            if (!found.TryGetValue(id, out var collection) || !request.Collections.Contains(collection, StringComparer.Ordinal))
            {
                throw new UnknownDocumentException(id, request.Collections);
            }
        }

        return chosen;
    }

    private static void Validate(SearchRequest request, RetrievalOptions settings)
    {
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            throw new QueryRejectedException("The query is empty.");
        }

        if (request.Query.Length > settings.MaxQueryLength)
        {
            throw new QueryRejectedException($"The query has {request.Query.Length} characters; the limit is {settings.MaxQueryLength}.");
        }

        if (request.Top < 1 || request.Top > settings.MaxTop)
        {
            throw new QueryRejectedException($"'top' must be between 1 and {settings.MaxTop}.");
        }

        if (request.Collections.Count == 0)
        {
            throw new QueryRejectedException("No collection to search.");
        }

        if (request.Documents is { Count: > MaxChosenDocuments })
        {
            throw new QueryRejectedException($"At most {MaxChosenDocuments} documents can be chosen; {request.Documents.Count} were.");
        }
    }

    /// <summary>
    /// The language of the passages the query matches by its words. Short queries ("Napoléon Bonaparte", "BRCA1")
    /// carry too few function words to tell, but the passages they hit are long enough; they decide only when the query
    /// could not and some encoder is limited to certain languages, so it costs one small read only then.
    /// </summary>
    private async Task<string?> LanguageOfTopPassagesAsync(Task<RankFusion.Signal>? lexicalSignal, CancellationToken cancellationToken)
    {
        if (lexicalSignal is null || encoders.Encoders.All(e => e.Languages is null))
        {
            return null;
        }

        var top = (await lexicalSignal.ConfigureAwait(false)).RankedIds.Take(PassagesForLanguage).ToList();
        if (top.Count == 0)
        {
            return null;
        }

        var passages = await documents.GetChunksAsync(top, cancellationToken).ConfigureAwait(false);
        return QueryLanguage.Detect(string.Join('\n', passages.Select(p => p.Text)));
    }

    private async Task<RankFusion.Signal> LexicalSignalAsync(
        string query, int candidates, IReadOnlyCollection<string> collections, IReadOnlyCollection<Guid>? chosen, double weight,
        ConcurrentDictionary<string, double> timings, CancellationToken cancellationToken)
    {
        using var activity = Activities.StartActivity("retrieval.lexical");
        var clock = Stopwatch.StartNew();
        var hits = await lexical.SearchAsync(query, candidates, collections, chosen, cancellationToken).ConfigureAwait(false);
        timings["bm25"] = clock.Elapsed.TotalMilliseconds;
        return new RankFusion.Signal("bm25", weight, hits.Select(h => h.ChunkId).ToList());
    }

    private async Task<RankFusion.Signal> DenseSignalAsync(
        NamedEncoder encoder, string query, int candidates, IReadOnlyCollection<string> collections, IReadOnlyCollection<Guid>? chosen, double weight, bool serverSideHybrid,
        ConcurrentDictionary<string, double> timings, CancellationToken cancellationToken)
    {
        using var activity = Activities.StartActivity("retrieval.vector");
        activity?.SetTag("chatrag.retrieval.space", encoder.Space);
        var clock = Stopwatch.StartNew();
        var embedding = await encoder.Generator.GenerateAsync([query], EmbeddingPurpose.ForQuery(), cancellationToken).ConfigureAwait(false);
        timings[$"embed:{encoder.Space}"] = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var vectorQuery = new VectorQuery(embedding[0].Vector, candidates, collections) { Documents = chosen };
        var name = serverSideHybrid ? $"hybrid:{encoder.Space}" : $"dense:{encoder.Space}";
        var hits = serverSideHybrid
            ? await ((IHybridVectorIndex)vectors).SearchHybridAsync(encoder.Space, vectorQuery, query, cancellationToken).ConfigureAwait(false)
            : await vectors.SearchAsync(encoder.Space, vectorQuery, cancellationToken).ConfigureAwait(false);
        timings[name] = clock.Elapsed.TotalMilliseconds;
        return new RankFusion.Signal(name, weight, hits.Select(h => h.ChunkId).ToList());
    }
}
