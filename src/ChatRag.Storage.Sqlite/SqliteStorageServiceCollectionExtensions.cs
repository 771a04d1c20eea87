using ChatRag.Core.Collections;
using ChatRag.Core.Documents;
using ChatRag.Core.Indexing;
using ChatRag.Core.Ingestion;
using ChatRag.Core.Security;
using ChatRag.Core.Settings;
using ChatRag.Storage.Sqlite.Collections;
using ChatRag.Storage.Sqlite.Documents;
using ChatRag.Storage.Sqlite.Ingestion;
using ChatRag.Storage.Sqlite.Lexical;
using ChatRag.Storage.Sqlite.Lexical.Postings;
using ChatRag.Storage.Sqlite.Lexical.Rescoring;
using ChatRag.Storage.Sqlite.Security;
using ChatRag.Storage.Sqlite.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatRag.Storage.Sqlite;

/// <summary>Registers the SQLite storage adapter.</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the storage described by <paramref name="settings"/> (a host validates its configuration before it builds
    /// them), the DbContext factory, and the SQLite implementations of <see cref="IDocumentRepository"/>, <see cref="ICollectionCatalog"/>, <see cref="IIngestionJobStore"/>, <see cref="ILexicalIndex"/> <see cref="IApiKeyStore"/> and <see cref="IRuntimeSettingsStore"/>.
    /// Call <see cref="InitializeStorageAsync"/> once before serving.
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, SqliteStorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return services.AddSqliteStorage(_ => settings);
    }

    /// <summary>
    /// As <see cref="AddSqliteStorage(IServiceCollection, SqliteStorageSettings)"/>, with the settings built when first
    /// needed (from the host's validated options).
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, Func<IServiceProvider, SqliteStorageSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteStorageSettings>(settings);
        services.AddSingleton(sp => new SqliteConnectionSettings(sp.GetRequiredService<SqliteStorageSettings>()));
        services.AddPooledDbContextFactory<ChatRagDbContext>((sp, builder) =>
        {
            var settings = sp.GetRequiredService<SqliteConnectionSettings>();
            builder.UseSqlite(settings.ConnectionString).AddInterceptors(settings);
        });
        services.AddSingleton<SqliteDocumentRepository>();
        services.AddSingleton<IDocumentRepository>(sp => sp.GetRequiredService<SqliteDocumentRepository>());
        services.AddSingleton<SqliteLexicalIndex>();
        services.AddSingleton<MemoryLexicalIndex>();

        // One re-scoring step after whichever engine is configured; off, the engine itself answers.
        services.AddSingleton<ILexicalIndex>(sp =>
        {
            var settings = sp.GetRequiredService<SqliteStorageSettings>();
            ILexicalIndex engine = settings.LexicalEngine == LexicalEngine.Fts5
                ? sp.GetRequiredService<SqliteLexicalIndex>()
                : sp.GetRequiredService<MemoryLexicalIndex>();
            return settings.LexicalRescoring.Enabled
                ? new RescoringLexicalIndex(engine, sp.GetRequiredService<SqliteConnectionSettings>(), settings.LexicalRescoring)
                : engine;
        });
        services.AddSingleton<SqliteIngestionJobStore>();
        services.AddSingleton<IIngestionJobStore>(sp => sp.GetRequiredService<SqliteIngestionJobStore>());
        services.AddSingleton<ICollectionCatalog, SqliteCollectionCatalog>();
        services.AddSingleton<SqliteApiKeyStore>();
        services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<SqliteApiKeyStore>());
        services.AddSingleton<IRuntimeSettingsStore, SqliteRuntimeSettingsStore>();
        services.AddSingleton<SqliteStorageInitializer>();
        services.AddSingleton<SqliteHealthProbe>();
        return services;
    }

    /// <summary>Creates the data directory and brings the database schema up to date (idempotent).</summary>
    public static Task InitializeStorageAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<SqliteStorageInitializer>().InitializeAsync(cancellationToken);
}
