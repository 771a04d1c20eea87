namespace ChatRag.Storage.Sqlite;

/// <summary>Engine behind <see cref="Core.Indexing.ILexicalIndex"/> (configuration <c>ChatRag:LexicalEngine</c>).</summary>
public enum LexicalEngine
{
    /// <summary>In-memory copy of the FTS5 index with MaxScore top-k (fast at 100k+ chunks; about 160 MB of memory per 100k chunks of ~120 words).</summary>
    Memory,

    /// <summary>FTS5's own BM25 ranking, which scores every chunk matching any query word.</summary>
    Fts5,
}
