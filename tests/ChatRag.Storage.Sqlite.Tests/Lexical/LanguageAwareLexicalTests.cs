using ChatRag.Core.Indexing;
using ChatRag.Storage.Sqlite.Lexical;
using ChatRag.Storage.Sqlite.Lexical.Postings;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Storage.Sqlite.Tests.Lexical;

/// <summary>Chunks indexed with their language's analysis, queries analysed to meet them, over both engines.</summary>
public sealed class LanguageAwareLexicalTests
{
    public static TheoryData<LexicalEngine> Engines => [LexicalEngine.Fts5, LexicalEngine.Memory];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_french_query_finds_a_french_chunk_through_inflected_forms(LexicalEngine engine)
    {
        await using var storage = await TempStorage.CreateAsync();
        var stored = await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks(
            "Les chevaux mangeaient des pommes dans l'écurie du château.",
            "Le train part de la gare à midi pour la capitale."));
        var index = Index(storage, engine);

        Assert.Equal([stored[0].Id], (await index.SearchAsync("Quel cheval mange une pomme ?", 10, ["default"])).Select(h => h.ChunkId));
        Assert.Equal([stored[0].Id], (await index.SearchAsync("écuries", 10, ["default"])).Select(h => h.ChunkId));
        Assert.Equal([stored[1].Id], (await index.SearchAsync("Quand partent les trains ?", 10, ["default"])).Select(h => h.ChunkId));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_french_query_meets_english_chunks_of_the_same_collection(LexicalEngine engine)
    {
        await using var storage = await TempStorage.CreateAsync();
        var stored = await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks(
            "The proteins in eggs are digested in the stomach.",
            "La tour est à Paris et elle est très haute."));
        var index = Index(storage, engine);

        var hits = await index.SearchAsync("Combien de protéines dans les œufs ?", 10, ["default"]);

        Assert.Equal([stored[0].Id], hits.Select(h => h.ChunkId));
    }

    [Fact]
    public async Task Each_chunk_stores_its_language_and_analysed_terms()
    {
        await using var storage = await TempStorage.CreateAsync();
        var stored = await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks(
            "Les chevaux mangeaient des pommes dans l'écurie.",
            "The horses were eating apples in the stable.",
            "Gustave Eiffel"));

        var rows = await ReadChunksAsync(storage.Database);

        Assert.Equal(["fr", "en", "fr"], rows.Select(r => r.Language));
        Assert.DoesNotContain("l'", rows[0].Terms, StringComparison.Ordinal);
        Assert.Contains("fr_cheval", rows[0].Terms.Split(' '));
        Assert.Contains("en_hors", rows[1].Terms.Split(' '));
        Assert.Equal(stored.Select(s => s.Id), rows.Select(r => r.Id));
    }

    private static ILexicalIndex Index(TempStorage storage, LexicalEngine engine) => engine == LexicalEngine.Fts5
        ? storage.Provider.GetRequiredService<SqliteLexicalIndex>()
        : storage.Provider.GetRequiredService<MemoryLexicalIndex>();

    internal static async Task<List<(long Id, string? Language, string Terms)>> ReadChunksAsync(SqliteConnectionSettings database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Language, LexicalTerms FROM Chunks ORDER BY Id";
        var rows = new List<(long, string?, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2)));
        }

        return rows;
    }
}
