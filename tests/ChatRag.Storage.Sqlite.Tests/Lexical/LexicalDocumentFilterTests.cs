using ChatRag.Core.Indexing;
using ChatRag.Storage.Sqlite.Lexical;
using ChatRag.Storage.Sqlite.Lexical.Postings;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Storage.Sqlite.Tests.Lexical;

/// <summary>Chosen documents in both lexical engines: applied inside the query, so the top-k is taken among their chunks.</summary>
public sealed class LexicalDocumentFilterTests
{
    public static TheoryData<string> Engines => new() { nameof(SqliteLexicalIndex), nameof(MemoryLexicalIndex) };

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Chosen_documents_fill_the_top_k_even_when_other_documents_outrank_them(string engine)
    {
        await using var storage = await TempStorage.CreateAsync();
        for (var i = 0; i < 30; i++)
        {
            await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks("quantum quantum quantum entanglement " + i));
        }

        var chosen = TestData.Document();
        var target = await storage.Documents.AddDocumentAsync(
            chosen,
            TestData.Chunks("a long passage that mentions quantum once among many other unrelated words about gardening", "nothing about physics"));
        var index = Engine(storage, engine);

        var hits = await index.SearchAsync("quantum entanglement", 5, ["default"], [chosen.Id]);
        var unfiltered = await index.SearchAsync("quantum entanglement", 5, ["default"]);

        Assert.Equal([target[0].Id], hits.Select(h => h.ChunkId));
        Assert.DoesNotContain(unfiltered, h => h.ChunkId == target[0].Id); // a post-filter of the plain top 5 would return nothing
        Assert.Empty(await index.SearchAsync("quantum", 5, ["default"], []));
        Assert.Empty(await index.SearchAsync("quantum", 5, ["default"], [Guid.NewGuid()]));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_chosen_document_of_another_collection_is_not_searched(string engine)
    {
        await using var storage = await TempStorage.CreateAsync();
        var elsewhere = TestData.Document("other");
        await storage.Documents.AddDocumentAsync(elsewhere, TestData.Chunks("quantum physics"));
        await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks("quantum chemistry"));
        var index = Engine(storage, engine);

        Assert.Empty(await index.SearchAsync("quantum", 5, ["default"], [elsewhere.Id]));
        Assert.Single(await index.SearchAsync("quantum", 5, ["default", "other"], [elsewhere.Id]));
    }

    [Fact]
    public async Task Both_engines_rank_chosen_documents_alike()
    {
        await using var storage = await TempStorage.CreateAsync();
        var random = new Random(5);
        var words = Enumerable.Range(0, 80).Select(i => $"w{i}").ToArray();
        string Text() => string.Join(' ', Enumerable.Range(0, random.Next(3, 30)).Select(_ => words[(int)(Math.Pow(random.NextDouble(), 2) * words.Length)]));
        var ids = new List<Guid>();
        var owner = new Dictionary<long, Guid>();
        for (var d = 0; d < 40; d++)
        {
            var document = TestData.Document();
            ids.Add(document.Id);
            foreach (var chunk in await storage.Documents.AddDocumentAsync(document, TestData.Chunks([.. Enumerable.Range(0, 4).Select(_ => Text())])))
            {
                owner[chunk.Id] = document.Id;
            }
        }

        var fts = storage.Provider.GetRequiredService<SqliteLexicalIndex>();
        var memory = storage.Provider.GetRequiredService<MemoryLexicalIndex>();
        for (var q = 0; q < 40; q++)
        {
            var query = string.Join(' ', Enumerable.Range(0, random.Next(1, 5)).Select(_ => words[random.Next(words.Length)]));
            Guid[] chosen = [.. ids.OrderBy(_ => random.Next()).Take(random.Next(1, 6))];
            var expected = await fts.SearchAsync(query, 10, ["default"], chosen);
            var actual = await memory.SearchAsync(query, 10, ["default"], chosen);

            // FTS5 orders equal scores arbitrarily, so the scores are compared in order and the hits by owner.
            Assert.Equal(expected.Select(h => h.Score), actual.Select(h => h.Score), (a, b) => Math.Abs(a - b) < 1e-6);
            Assert.All(actual, h => Assert.Contains(owner[h.ChunkId], chosen));
            Assert.All(expected, h => Assert.Contains(owner[h.ChunkId], chosen));
        }
    }

    private static ILexicalIndex Engine(TempStorage storage, string engine) => engine == nameof(SqliteLexicalIndex)
        ? storage.Provider.GetRequiredService<SqliteLexicalIndex>()
        : storage.Provider.GetRequiredService<MemoryLexicalIndex>();
}
