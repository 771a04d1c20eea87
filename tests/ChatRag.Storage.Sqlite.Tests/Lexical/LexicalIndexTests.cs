namespace ChatRag.Storage.Sqlite.Tests.Lexical;

public sealed class LexicalIndexTests
{
    public static TheoryData<string> HostileQueries => new()
    {
        "\"",
        "\"unbalanced quote",
        "NEAR(",
        "NEAR(alpha beta, 2)",
        "*",
        "alph*",
        "^alpha",
        "Text:alpha",
        "col:alpha",
        "AND OR NOT",
        "alpha AND",
        "(alpha OR",
        "{Text}: alpha",
        "alpha -beta +gamma",
        "'; DROP TABLE Chunks; --",
        "日本語のテキスト 🚀 emoji",
        "\u0000\u0001 control",
        "e\u0301te\u0301",
        new string('x', 10_000),
        string.Join(' ', Enumerable.Range(0, 2_000).Select(i => $"w{i}")),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Hostile_queries_never_throw(string query)
    {
        await using var storage = await TempStorage.CreateAsync();
        await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks("alpha beta gamma", "Text column near words"));

        var hits = await storage.Lexical.SearchAsync(query, 10, ["default"]);

        Assert.All(hits, h => Assert.True(h.Score > 0));
    }

    [Fact]
    public async Task Fts_operators_in_user_text_are_searched_as_words()
    {
        await using var storage = await TempStorage.CreateAsync();
        var stored = await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks("the word near appears here", "nothing relevant"));

        var hits = await storage.Lexical.SearchAsync("NEAR(", 10, ["default"]);

        Assert.Equal([stored[0].Id], hits.Select(h => h.ChunkId));
    }

    [Fact]
    public async Task Collection_filter_applies_before_the_top_k()
    {
        await using var storage = await TempStorage.CreateAsync();
        for (var i = 0; i < 30; i++)
        {
            await storage.Documents.AddDocumentAsync(TestData.Document("noisy"), TestData.Chunks("quantum quantum quantum entanglement " + i));
        }

        var target = await storage.Documents.AddDocumentAsync(
            TestData.Document("quiet"),
            TestData.Chunks("a long passage that mentions quantum once among many other unrelated words about gardening"));

        var hits = await storage.Lexical.SearchAsync("quantum entanglement", 5, ["quiet"]);
        var both = await storage.Lexical.SearchAsync("quantum", 100, ["quiet", "noisy"]);

        Assert.Equal([target[0].Id], hits.Select(h => h.ChunkId));
        Assert.Equal(31, both.Count);
        Assert.Empty(await storage.Lexical.SearchAsync("quantum", 5, ["missing"]));
        Assert.Empty(await storage.Lexical.SearchAsync("quantum", 5, []));
    }

    [Fact]
    public async Task Similar_collection_names_stay_apart()
    {
        await using var storage = await TempStorage.CreateAsync();
        var longName = string.Concat(Enumerable.Repeat("Équipe 日本 ", 18));
        var names = new[] { "team-a", "team a", "Team-A", "team-ab", longName };
        var ids = new Dictionary<string, long>();
        foreach (var name in names)
        {
            ids[name] = (await storage.Documents.AddDocumentAsync(TestData.Document(name), TestData.Chunks("shared words here")))[0].Id;
        }

        foreach (var name in names)
        {
            Assert.Equal([ids[name]], (await storage.Lexical.SearchAsync("shared words", 10, [name])).Select(h => h.ChunkId));
        }
    }

    [Fact]
    public async Task Hits_are_best_first_with_positive_scores()
    {
        await using var storage = await TempStorage.CreateAsync();
        var stored = await storage.Documents.AddDocumentAsync(
            TestData.Document(),
            TestData.Chunks("solar panels convert light", "solar solar wind and solar power", "nothing here", "wind farms"));

        var hits = await storage.Lexical.SearchAsync("solar wind", 10, ["default"]);

        Assert.Equal(stored[1].Id, hits[0].ChunkId);
        Assert.Equal(3, hits.Count);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.All(hits, h => Assert.True(h.Score > 0));
        Assert.Single(await storage.Lexical.SearchAsync("solar wind", 1, ["default"]));
    }

    [Theory]
    [InlineData("resume", "Le résumé du rapport annuel")]
    [InlineData("RÉSUMÉ", "le resume du rapport annuel")]
    [InlineData("ecole", "L'École polytechnique à Paris")]
    [InlineData("noel", "Le père Noël arrive")]
    [InlineData("cafe", "Un café crème")]
    [InlineData("e\u0301te\u0301", "Un été chaud")]
    [InlineData("été", "Un e\u0301te\u0301 chaud")]
    [InlineData("francais", "La langue française et le Français")]
    public async Task Accents_and_case_do_not_matter(string query, string text)
    {
        await using var storage = await TempStorage.CreateAsync();
        var stored = await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks(text, "autre chose sans rapport"));

        var hits = await storage.Lexical.SearchAsync(query, 10, ["default"]);

        Assert.Contains(stored[0].Id, hits.Select(h => h.ChunkId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!... ,;")]
    [InlineData("\"\"")]
    public async Task Queries_without_words_return_nothing(string query)
    {
        await using var storage = await TempStorage.CreateAsync();
        await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks("some text"));

        Assert.Empty(await storage.Lexical.SearchAsync(query, 10, ["default"]));
    }
}
