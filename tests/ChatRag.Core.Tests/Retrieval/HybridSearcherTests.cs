using ChatRag.Core.Documents;
using ChatRag.Core.Embeddings;
using ChatRag.Core.Indexing;
using ChatRag.Core.Retrieval;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.Options;

namespace ChatRag.Core.Tests.Retrieval;

public sealed class HybridSearcherTests
{
    private readonly InMemoryDocumentRepository repository = new();
    private readonly BruteForceVectorIndex vectors = new();
    private readonly FixedEncoderCatalog encoders = FixedEncoderCatalog.Hashing();
    private readonly ScanningLexicalIndex lexical;
    private readonly HybridSearcher searcher;

    public HybridSearcherTests()
    {
        lexical = new ScanningLexicalIndex(repository);
        searcher = new HybridSearcher(encoders, vectors, lexical, repository, Options.Create(new RetrievalOptions()));
    }

    [Fact]
    public async Task Finds_the_passage_sharing_the_query_words()
    {
        await AddAsync("default", "cats purr when content", "dogs bark at strangers", "the stock market fell");

        var response = await searcher.SearchAsync(new SearchRequest("why do dogs bark", ["default"], Top: 2));

        Assert.Equal("dogs bark at strangers", response.Results[0].Chunk.Text);
        Assert.Contains("bm25", response.Results[0].SignalRanks.Keys);
        Assert.Contains("dense:hash", response.Results[0].SignalRanks.Keys);
        Assert.True(response.TimingsMs["total"] >= 0);
    }

    [Fact]
    public async Task Never_returns_chunks_of_other_collections_and_scopes_every_signal()
    {
        // More out-of-scope chunks that outrank the in-scope one than any candidate list holds: filtering after
        // retrieval would return nothing, so the one public result proves each index was asked for "public" only.
        await AddAsync("public", "quarterly report summary");
        await AddAsync("secret", [.. Enumerable.Range(0, new RetrievalOptions().CandidatesPerSignal + 10)
            .Select(i => $"quarterly report secret numbers quarterly report {i}")]);

        var response = await searcher.SearchAsync(new SearchRequest("quarterly report", ["public"], Top: 10));

        Assert.Equal(["quarterly report summary"], response.Results.Select(r => r.Chunk.Text));
        Assert.NotEmpty(lexical.RequestedCollections);
        Assert.All(lexical.RequestedCollections, c => Assert.Equal(["public"], c));
        Assert.NotEmpty(vectors.RequestedCollections);
        Assert.All(vectors.RequestedCollections, c => Assert.Equal(["public"], c));
    }

    [Theory]
    [InlineData(SearchMode.Lexical, "bm25")]
    [InlineData(SearchMode.Dense, "dense:hash")]
    public async Task Single_mode_uses_only_its_signal(SearchMode mode, string signal)
    {
        await AddAsync("default", "alpha beta", "beta gamma");

        var response = await searcher.SearchAsync(new SearchRequest("beta", ["default"], Top: 5, Mode: mode));

        Assert.NotEmpty(response.Results);
        Assert.All(response.Results, r => Assert.Equal([signal], r.SignalRanks.Keys));
    }

    [Fact]
    public async Task Queries_are_embedded_as_queries()
    {
        await AddAsync("default", "alpha");
        var generator = (HashingEmbeddingGenerator)encoders.Encoders[0].Generator;
        generator.Purposes.Clear();

        await searcher.SearchAsync(new SearchRequest("alpha", ["default"]));

        Assert.Equal(["query"], generator.Purposes);
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("   ", 10)]
    [InlineData("ok", 0)]
    [InlineData("ok", 101)]
    public async Task Bad_requests_are_rejected(string query, int top)
    {
        await AddAsync("default", "alpha");
        await Assert.ThrowsAsync<QueryRejectedException>(() => searcher.SearchAsync(new SearchRequest(query, ["default"], top)));
    }

    [Fact]
    public async Task Huge_query_is_rejected()
    {
        await AddAsync("default", "alpha");
        await Assert.ThrowsAsync<QueryRejectedException>(() => searcher.SearchAsync(new SearchRequest(new string('a', 4001), ["default"])));
    }

    [Fact]
    public async Task Unknown_collection_is_reported()
    {
        var error = await Assert.ThrowsAsync<UnknownCollectionException>(() => searcher.SearchAsync(new SearchRequest("alpha", ["nope"])));
        Assert.Equal("nope", error.Collection);
    }

    [Theory]
    [InlineData("Quelle est la couleur de la mer ?", SearchMode.Hybrid, new[] { "bm25" })]
    [InlineData("What is the colour of the sea?", SearchMode.Hybrid, new[] { "bm25", "dense:en" })]
    [InlineData("BRCA1 sea", SearchMode.Hybrid, new[] { "bm25", "dense:en" })]
    [InlineData("Quelle est la couleur de la mer ?", SearchMode.Dense, new[] { "dense:en" })]
    public async Task English_only_encoder_does_not_vote_on_french_queries_in_hybrid_mode(string query, SearchMode mode, string[] signals)
    {
        var generator = new HashingEmbeddingGenerator();
        var englishOnly = new FixedEncoderCatalog(new NamedEncoder("en", 64, generator, generator, ["en"]));
        var localSearcher = new HybridSearcher(englishOnly, vectors, lexical, repository, Options.Create(new RetrievalOptions()));
        var indexer = new ChunkIndexer(englishOnly, vectors);
        await indexer.EnsureSpacesAsync();
        var text = "la mer the sea colour couleur BRCA1";
        await indexer.IndexAsync(await repository.AddDocumentAsync(new NewDocument(Guid.NewGuid(), "d", "default", "h"), [new NewChunk(0, text)]));

        var response = await localSearcher.SearchAsync(new SearchRequest(query, ["default"], Mode: mode));

        Assert.Equal(signals.Order(), response.Results[0].SignalRanks.Keys.Order());
    }

    [Theory]
    [InlineData("Napoléon Bonaparte", "Napoléon Bonaparte est né à Ajaccio, en Corse, et il devint empereur des Français en 1804.", new[] { "bm25" })]
    [InlineData("Napoleon Bonaparte", "Napoleon Bonaparte was born in Ajaccio, in Corsica, and he became the emperor of the French in 1804.", new[] { "bm25", "dense:en" })]
    public async Task An_undecided_query_takes_the_language_of_the_passages_it_matches(string query, string passage, string[] signals)
    {
        var generator = new HashingEmbeddingGenerator();
        var englishOnly = new FixedEncoderCatalog(new NamedEncoder("en", 64, generator, generator, ["en"]));
        var localSearcher = new HybridSearcher(englishOnly, vectors, lexical, repository, Options.Create(new RetrievalOptions()));
        var indexer = new ChunkIndexer(englishOnly, vectors);
        await indexer.EnsureSpacesAsync();
        await indexer.IndexAsync(await repository.AddDocumentAsync(new NewDocument(Guid.NewGuid(), "d", "default", "h"), [new NewChunk(0, passage)]));
        Assert.Null(QueryLanguage.Detect(query));

        var response = await localSearcher.SearchAsync(new SearchRequest(query, ["default"]));

        Assert.Equal(signals.Order(), response.Results[0].SignalRanks.Keys.Order());
    }

    [Fact]
    public async Task Index_that_fuses_server_side_replaces_local_bm25_in_hybrid_mode()
    {
        var hybridIndex = new ServerSideHybridIndex();
        var serverSearcher = new HybridSearcher(encoders, hybridIndex, lexical, repository, Options.Create(new RetrievalOptions()));
        var indexer = new ChunkIndexer(encoders, hybridIndex);
        await indexer.EnsureSpacesAsync();
        var stored = await repository.AddDocumentAsync(new NewDocument(Guid.NewGuid(), "d", "default", "h"), [new NewChunk(0, "alpha beta")]);
        await indexer.IndexAsync(stored);

        var hybrid = await serverSearcher.SearchAsync(new SearchRequest("alpha", ["default"]));
        var lexicalOnly = await serverSearcher.SearchAsync(new SearchRequest("alpha", ["default"], Mode: SearchMode.Lexical));

        Assert.Equal(["hybrid:hash"], hybrid.Results[0].SignalRanks.Keys);
        Assert.Equal(["alpha"], hybridIndex.QueryTexts);
        Assert.Equal(["bm25"], lexicalOnly.Results[0].SignalRanks.Keys);
    }

    [Fact]
    public async Task Server_side_hybrid_falls_back_to_local_bm25_when_no_encoder_covers_the_query_language()
    {
        // The server-side index would have carried BM25; with its only encoder excluded, local BM25 must take over.
        var generator = new HashingEmbeddingGenerator();
        var englishOnly = new FixedEncoderCatalog(new NamedEncoder("en", 64, generator, generator, ["en"]));
        var hybridIndex = new ServerSideHybridIndex();
        var serverSearcher = new HybridSearcher(englishOnly, hybridIndex, lexical, repository, Options.Create(new RetrievalOptions()));
        var indexer = new ChunkIndexer(englishOnly, hybridIndex);
        await indexer.EnsureSpacesAsync();
        await indexer.IndexAsync(await repository.AddDocumentAsync(new NewDocument(Guid.NewGuid(), "d", "default", "h"), [new NewChunk(0, "la couleur de la mer")]));

        var response = await serverSearcher.SearchAsync(new SearchRequest("Quelle est la couleur de la mer ?", ["default"]));

        Assert.Equal(["bm25"], response.Results[0].SignalRanks.Keys);
        Assert.Empty(hybridIndex.QueryTexts);
    }

    private async Task AddAsync(string collection, params string[] texts)
    {
        var indexer = new ChunkIndexer(encoders, vectors);
        await indexer.EnsureSpacesAsync();
        foreach (var text in texts)
        {
            var stored = await repository.AddDocumentAsync(new NewDocument(Guid.NewGuid(), text, collection, text), [new NewChunk(0, text)]);
            await indexer.IndexAsync(stored);
        }
    }
}

internal sealed class ServerSideHybridIndex : IHybridVectorIndex
{
    private readonly BruteForceVectorIndex inner = new();

    public List<string> QueryTexts { get; } = [];

    public string Name => "fake-hybrid";

    public Task EnsureSpaceAsync(VectorSpace space, CancellationToken cancellationToken = default) => inner.EnsureSpaceAsync(space, cancellationToken);

    public Task UpsertAsync(string space, IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default) => inner.UpsertAsync(space, records, cancellationToken);

    public Task DeleteDocumentAsync(Guid documentId, CancellationToken cancellationToken = default) => inner.DeleteDocumentAsync(documentId, cancellationToken);

    public Task<IReadOnlyList<VectorHit>> SearchAsync(string space, VectorQuery query, CancellationToken cancellationToken = default) => inner.SearchAsync(space, query, cancellationToken);

    public Task<IReadOnlyList<VectorHit>> SearchHybridAsync(string space, VectorQuery query, string queryText, CancellationToken cancellationToken = default)
    {
        QueryTexts.Add(queryText);
        return inner.SearchAsync(space, query, cancellationToken);
    }

    public Task<long> CountAsync(string space, CancellationToken cancellationToken = default) => inner.CountAsync(space, cancellationToken);

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default) => inner.IsHealthyAsync(cancellationToken);
}
