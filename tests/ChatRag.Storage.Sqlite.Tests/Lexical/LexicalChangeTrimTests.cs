using ChatRag.Core.Documents;
using ChatRag.Core.Indexing;
using ChatRag.Storage.Sqlite.Lexical;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Storage.Sqlite.Tests.Lexical;

/// <summary>Trimming the <c>LexicalChanges</c> log while several processes read it, each at its own position.</summary>
public sealed class LexicalChangeTrimTests
{
    [Fact]
    public async Task A_reader_that_fell_behind_a_trim_rebuilds_and_misses_no_change()
    {
        await using var storage = await TempStorage.CreateAsync();
        var doomed = TestData.Document();
        await storage.Documents.AddDocumentAsync(doomed, TestData.Chunks("alpha doomed", "beta doomed"));
        await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks("alpha kept"));

        // The CLI beside the server: its own copy, caught up now, then idle while the server writes.
        await using var cli = TempStorage.Build(storage.Directory);
        var behind = cli.GetRequiredService<ILexicalIndex>();
        Assert.Equal(2, (await behind.SearchAsync("doomed", 10, ["default"])).Count);

        await storage.Documents.DeleteDocumentAsync(doomed.Id);
        await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks("gamma fresh", "delta fresh", "epsilon fresh"));
        Assert.Empty(await storage.Lexical.SearchAsync("doomed", 10, ["default"]));

        // The deletes are trimmed away before the idle reader looked at them.
        await using (var connection = await storage.Database.OpenAsync())
        {
            Assert.True(await LexicalChangeLog.TrimAsync(connection, keep: 2) > 0);
        }

        Assert.Equal(2, await storage.ScalarAsync($"SELECT COUNT(*) FROM {LexicalChangeLog.TableName}"));
        Assert.Empty(await behind.SearchAsync("doomed", 10, ["default"]));
        Assert.Equal(3, (await behind.SearchAsync("fresh", 10, ["default"])).Count);
        Assert.Single(await behind.SearchAsync("alpha", 10, ["default"]));

        // The server's own copy was current at the trim and keeps following the log incrementally.
        await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks("zeta later"));
        Assert.Single(await storage.Lexical.SearchAsync("zeta", 10, ["default"]));
        Assert.Single(await behind.SearchAsync("zeta", 10, ["default"]));
    }

    [Fact]
    public async Task Trimming_keeps_the_newest_entries_and_the_watermark()
    {
        await using var storage = await TempStorage.CreateAsync();
        await storage.Documents.AddDocumentAsync(TestData.Document(), TestData.Chunks([.. Enumerable.Range(0, 20).Select(i => $"chunk {i}")]));
        var max = await storage.ScalarAsync($"SELECT MAX(Seq) FROM {LexicalChangeLog.TableName}");

        await using var connection = await storage.Database.OpenAsync();
        Assert.Equal(15, await LexicalChangeLog.TrimAsync(connection, keep: 5));
        Assert.Equal(0, await LexicalChangeLog.TrimAsync(connection, keep: 5));

        Assert.Equal(5, await storage.ScalarAsync($"SELECT COUNT(*) FROM {LexicalChangeLog.TableName}"));
        Assert.Equal(max, await storage.ScalarAsync($"SELECT MAX(Seq) FROM {LexicalChangeLog.TableName}"));
    }
}
