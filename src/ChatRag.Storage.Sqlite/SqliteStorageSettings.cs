namespace ChatRag.Storage.Sqlite;

/// <summary>
/// Where the SQLite storage lives and how it behaves. Not an options class: the host binds its own settings (ChatRag's
/// <c>ChatRagOptions</c>, section <c>ChatRag</c>) and hands this record to
/// <see cref="SqliteStorageServiceCollectionExtensions.AddSqliteStorage(Microsoft.Extensions.DependencyInjection.IServiceCollection, SqliteStorageSettings)"/>,
/// so one section has one class.
/// </summary>
public sealed record SqliteStorageSettings
{
    /// <summary>File name of the database inside <see cref="DataDirectory"/>.</summary>
    public const string DatabaseFileName = "chatrag.db";

    /// <summary>Default of <see cref="BusyTimeoutMilliseconds"/>.</summary>
    public const int DefaultBusyTimeoutMilliseconds = 10_000;

    /// <summary>Largest <see cref="BusyTimeoutMilliseconds"/> accepted (ten minutes).</summary>
    public const int MaxBusyTimeoutMilliseconds = 600_000;

    /// <summary>Creates settings, refusing a blank folder or an out-of-range timeout.</summary>
    /// <param name="dataDirectory">Folder holding the database and every other persisted file.</param>
    /// <param name="busyTimeoutMilliseconds">How long a writer waits for a lock held by another connection before failing.</param>
    /// <param name="lexicalEngine">Which engine answers lexical searches.</param>
    public SqliteStorageSettings(string dataDirectory, int busyTimeoutMilliseconds = DefaultBusyTimeoutMilliseconds, LexicalEngine lexicalEngine = LexicalEngine.Memory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentOutOfRangeException.ThrowIfNegative(busyTimeoutMilliseconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(busyTimeoutMilliseconds, MaxBusyTimeoutMilliseconds);
        DataDirectory = dataDirectory;
        BusyTimeoutMilliseconds = busyTimeoutMilliseconds;
        LexicalEngine = lexicalEngine;
    }

    /// <summary>Folder holding the database and every other persisted file.</summary>
    public string DataDirectory { get; }

    /// <summary>How long a writer waits for a lock held by another connection before failing, in milliseconds.</summary>
    public int BusyTimeoutMilliseconds { get; }

    /// <summary>
    /// Which engine answers lexical searches: <see cref="LexicalEngine.Memory"/> (default: an in-memory copy of the FTS5
    /// index searched with MaxScore pruning) or <see cref="LexicalEngine.Fts5"/> (FTS5's own <c>ORDER BY bm25</c>). Both
    /// rank with the same BM25; the FTS5 index is maintained either way.
    /// </summary>
    public LexicalEngine LexicalEngine { get; }

    /// <summary>The shared BM25F + proximity re-scoring after either engine (on by default).</summary>
    public Lexical.Rescoring.LexicalRescoring LexicalRescoring { get; init; } = new();

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), DatabaseFileName);
}
