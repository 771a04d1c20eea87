using ChatRag.Core.Documents;
using ChatRag.Core.Indexing;
using ChatRag.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Storage.Sqlite.Tests;

/// <summary>A real SQLite database in a fresh temp folder, wired through the production DI extension.</summary>
internal sealed class TempStorage : IAsyncDisposable
{
    private TempStorage(string directory, ServiceProvider provider)
    {
        Directory = directory;
        Provider = provider;
    }

    public string Directory { get; }

    public ServiceProvider Provider { get; private set; }

    public IDocumentRepository Documents => Provider.GetRequiredService<IDocumentRepository>();

    public ILexicalIndex Lexical => Provider.GetRequiredService<ILexicalIndex>();

    public IApiKeyStore Keys => Provider.GetRequiredService<IApiKeyStore>();

    public SqliteConnectionSettings Database => Provider.GetRequiredService<SqliteConnectionSettings>();

    public static async Task<TempStorage> CreateAsync(string? directory = null, bool initialize = true)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "chatrag-sqlite-tests", Guid.NewGuid().ToString("N"));
        var storage = new TempStorage(directory, Build(directory));
        if (initialize)
        {
            await storage.Provider.InitializeStorageAsync();
        }

        return storage;
    }

    public static ServiceProvider Build(string directory) =>
        new ServiceCollection()
            .AddSqliteStorage(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ChatRag:DataDirectory"] = directory })
                .Build())
            .BuildServiceProvider();

    /// <summary>Simulates a process restart on the same data directory.</summary>
    public async Task RestartAsync()
    {
        await Provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Provider = Build(Directory);
        await Provider.InitializeStorageAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
