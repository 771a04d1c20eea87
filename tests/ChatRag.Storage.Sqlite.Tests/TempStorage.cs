using ChatRag.Core.Documents;
using ChatRag.Core.Indexing;
using ChatRag.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Storage.Sqlite.Tests;

/// <summary>A real SQLite database in a fresh temp folder, wired through the production DI extension.</summary>
internal sealed class TempStorage : IAsyncDisposable
{
    private readonly TimeProvider? clock;

    private TempStorage(string directory, ServiceProvider provider, TimeProvider? clock)
    {
        Directory = directory;
        Provider = provider;
        this.clock = clock;
    }

    public string Directory { get; }

    public ServiceProvider Provider { get; private set; }

    public IDocumentRepository Documents => Provider.GetRequiredService<IDocumentRepository>();

    public ILexicalIndex Lexical => Provider.GetRequiredService<ILexicalIndex>();

    public IApiKeyStore Keys => Provider.GetRequiredService<IApiKeyStore>();

    public SqliteConnectionSettings Database => Provider.GetRequiredService<SqliteConnectionSettings>();

    /// <param name="directory">The data directory; a fresh temp folder when null.</param>
    /// <param name="initialize">Whether to create the schema.</param>
    /// <param name="clock">The stores' clock (a FakeTimeProvider moves time without waiting); the system clock when null.</param>
    public static async Task<TempStorage> CreateAsync(string? directory = null, bool initialize = true, TimeProvider? clock = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "chatrag-sqlite-tests", Guid.NewGuid().ToString("N"));
        var storage = new TempStorage(directory, Build(directory, clock), clock);
        if (initialize)
        {
            await storage.Provider.InitializeStorageAsync();
        }

        return storage;
    }

    public static ServiceProvider Build(string directory, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        return services
            .AddSqliteStorage(new SqliteStorageSettings(directory))
            .BuildServiceProvider();
    }

    /// <summary>Simulates a process restart on the same data directory.</summary>
    public async Task RestartAsync()
    {
        await Provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Provider = Build(Directory, clock);
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
