using ChatRag.Core.Documents;
using ChatRag.Core.Indexing;
using ChatRag.Core.Retrieval;
using ChatRag.Core.Retrieval.Reranking;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.Options;

namespace ChatRag.Core.Tests.Retrieval;

/// <summary>The searcher with a reranker: who is rescored, the order it gives, and the fused order when over budget.</summary>
public sealed class RerankingSearchTests
{
    private readonly InMemoryDocumentRepository repository = new();
    private readonly BruteForceVectorIndex vectors = new();
    private readonly FixedEncoderCatalog encoders = FixedEncoderCatalog.Hashing();

    [Fact]
    public async Task The_reranker_orders_the_fused_candidates_and_results_keep_their_fused_rank()
    {
        await AddAsync("red apple pie", "red apple", "apple juice", "red wine", "green apple");
        var reranker = new ScriptedReranker(text => text.Contains("juice", StringComparison.Ordinal) ? 0.9 : 0.1);
        var searcher = Searcher(new RerankStage(reranker, new CountingBudget(int.MaxValue), candidates: 5));

        var response = await searcher.SearchAsync(new SearchRequest("red apple", ["default"], Top: 3));

        Assert.Equal("apple juice", response.Results[0].Chunk.Text);
        Assert.Equal(0.9, response.Results[0].RerankScore);
        Assert.True(response.Results[0].FusedRank > 1);
        Assert.Equal([1, 2], response.Results.Skip(1).Select(r => r.FusedRank!.Value).Order());
        Assert.Equal(new RerankOutcome("scripted", 5, true, null, response.Rerank!.Milliseconds), response.Rerank);
        Assert.Equal(5, reranker.Passages.Single().Count);
        Assert.Contains("rerank", response.TimingsMs.Keys);
    }

    [Fact]
    public async Task Only_the_configured_number_of_candidates_is_rescored_even_when_more_are_asked_for()
    {
        await AddAsync([.. Enumerable.Range(0, 12).Select(i => $"apple {i}")]);
        var reranker = new ScriptedReranker(_ => 0.5);
        var searcher = Searcher(new RerankStage(reranker, new CountingBudget(int.MaxValue), candidates: 4));

        var response = await searcher.SearchAsync(new SearchRequest("apple", ["default"], Top: 10));

        Assert.Equal(4, reranker.Passages.Single().Count);
        Assert.Equal(10, response.Results.Count);
        Assert.Equal(4, response.Results.Count(r => r.RerankScore is not null));
        Assert.Equal([.. Enumerable.Range(1, 10)], response.Results.Select(r => r.FusedRank!.Value)); // equal scores keep the fused order
    }

    [Fact]
    public async Task Over_budget_the_fused_order_is_kept_and_the_outcome_says_why()
    {
        await AddAsync("red apple pie", "red apple", "apple juice");
        var plain = await Searcher(null).SearchAsync(new SearchRequest("red apple", ["default"], Top: 3));
        var searcher = Searcher(new RerankStage(new ScriptedReranker(_ => 1), new CountingBudget(0), candidates: 30));

        var response = await searcher.SearchAsync(new SearchRequest("red apple", ["default"], Top: 3));

        Assert.Equal(plain.Results.Select(r => r.Chunk.Id), response.Results.Select(r => r.Chunk.Id));
        Assert.All(response.Results, r => Assert.Null(r.RerankScore));
        Assert.False(response.Rerank!.Applied);
        Assert.Contains("budget", response.Rerank.Reason, StringComparison.Ordinal);
        Assert.Contains("fused order kept", response.Rerank.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_can_turn_reranking_off_and_no_reranker_means_no_outcome()
    {
        await AddAsync("red apple");
        var reranker = new ScriptedReranker(_ => 1);
        var searcher = Searcher(new RerankStage(reranker, new CountingBudget(int.MaxValue)));

        var off = await searcher.SearchAsync(new SearchRequest("apple", ["default"]) { Rerank = false });
        var none = await Searcher(new RerankStage(null, new CountingBudget(int.MaxValue))).SearchAsync(new SearchRequest("apple", ["default"]));

        Assert.Null(off.Rerank);
        Assert.Null(none.Rerank);
        Assert.Empty(reranker.Passages);
        Assert.All(off.Results.Concat(none.Results), r => Assert.Null(r.RerankScore));
    }

    private HybridSearcher Searcher(RerankStage? stage) =>
        new(encoders, vectors, new ScanningLexicalIndex(repository), repository, Options.Create(new RetrievalOptions()), stage);

    private async Task AddAsync(params string[] texts)
    {
        var indexer = new ChunkIndexer(encoders, vectors);
        await indexer.EnsureSpacesAsync();
        foreach (var text in texts)
        {
            await indexer.IndexAsync(await repository.AddDocumentAsync(new NewDocument(Guid.NewGuid(), text, "default", text), [new NewChunk(0, text)]));
        }
    }

    /// <summary>Scores each passage with a function of its text and records what it was given.</summary>
    private sealed class ScriptedReranker(Func<string, double> score) : IReranker
    {
        public List<IReadOnlyList<string>> Passages { get; } = [];

        public string Name => "scripted";

        public Task<IReadOnlyList<double>?> ScoreAsync(string query, IReadOnlyList<string> passages, Func<bool> overBudget, CancellationToken cancellationToken = default)
        {
            if (overBudget())
            {
                return Task.FromResult<IReadOnlyList<double>?>(null);
            }

            Passages.Add(passages);
            return Task.FromResult<IReadOnlyList<double>?>([.. passages.Select(score)]);
        }
    }

    /// <summary>A budget that allows a fixed number of checks, so no test depends on the clock.</summary>
    private sealed class CountingBudget(int checksAllowed) : IRerankBudget
    {
        public double Milliseconds => 100;

        public Func<bool> Start()
        {
            var checks = 0;
            return () => ++checks > checksAllowed;
        }
    }
}
