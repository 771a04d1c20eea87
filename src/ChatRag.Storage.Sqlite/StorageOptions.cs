using System.ComponentModel.DataAnnotations;

namespace ChatRag.Storage.Sqlite;

/// <summary>Where the SQLite storage lives (section <c>ChatRag</c>, shared with the rest of the app).</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag";

    /// <summary>File name of the database inside <see cref="DataDirectory"/>.</summary>
    public const string DatabaseFileName = "chatrag.db";

    /// <summary>Folder holding the database and every other persisted file (env <c>ChatRag__DataDirectory</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>How long a writer waits for a lock held by another connection before failing, in milliseconds.</summary>
    [Range(0, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>
    /// Which engine answers lexical searches: <see cref="LexicalEngine.Memory"/> (default: an in-memory copy of the FTS5
    /// index searched with MaxScore pruning) or <see cref="LexicalEngine.Fts5"/> (FTS5's own <c>ORDER BY bm25</c>). Both
    /// rank with the same BM25; the FTS5 index is maintained either way.
    /// </summary>
    public LexicalEngine LexicalEngine { get; set; } = LexicalEngine.Memory;

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), DatabaseFileName);
}
