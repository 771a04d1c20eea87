using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Storage.Sqlite.Tests;

public sealed class SchemaTests
{
    [Fact]
    public async Task Initialization_is_idempotent_across_restarts_and_keeps_data()
    {
        await using var storage = await TempStorage.CreateAsync();
        var doc = TestData.Document();
        await storage.Documents.AddDocumentAsync(doc, TestData.Chunks("persisted across restarts"));

        await storage.RestartAsync();
        await storage.Provider.InitializeStorageAsync();

        Assert.Equal(1, await storage.Documents.CountChunksAsync("default"));
        Assert.Single(await storage.Lexical.SearchAsync("restarts", 10, ["default"]));
        Assert.True(File.Exists(Path.Combine(storage.Directory, SqliteStorageSettings.DatabaseFileName)));
    }

    [Fact]
    public async Task Database_uses_wal_and_foreign_keys()
    {
        await using var storage = await TempStorage.CreateAsync();

        await using var connection = await storage.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.Equal(1, await storage.ScalarAsync("PRAGMA foreign_keys"));
        Assert.True(await storage.ScalarAsync("PRAGMA busy_timeout") > 0);
    }

    [Fact]
    public async Task Initialization_creates_a_missing_data_directory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatrag-sqlite-tests", Guid.NewGuid().ToString("N"), "nested", "data");
        await using var storage = await TempStorage.CreateAsync(directory);

        Assert.True(File.Exists(Path.Combine(directory, SqliteStorageSettings.DatabaseFileName)));
    }

    // The host's ChatRagOptions validates the configured values at start-up; the settings refuse them for any other caller.
    [Theory]
    [InlineData(" ", 10_000)]
    [InlineData("data", -1)]
    [InlineData("data", 600_001)]
    public void Blank_data_directory_or_out_of_range_busy_timeout_is_refused(string directory, int busyTimeoutMilliseconds) =>
        Assert.ThrowsAny<ArgumentException>(() => new SqliteStorageSettings(directory, busyTimeoutMilliseconds));

    [Fact]
    public async Task Health_probe_reports_healthy_and_unhealthy_databases()
    {
        await using var ready = await TempStorage.CreateAsync();
        await using var bare = await TempStorage.CreateAsync(initialize: false);
        System.IO.Directory.CreateDirectory(bare.Directory);

        Assert.Null(await ready.Provider.GetRequiredService<SqliteHealthProbe>().CheckAsync());
        Assert.NotNull(await bare.Provider.GetRequiredService<SqliteHealthProbe>().CheckAsync());
    }
}
