namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>
/// The table <c>LexicalChanges (Seq, ChunkId)</c> (created by the <c>LexicalChangeLog</c> migration): triggers on <c>Chunks</c> append the id of every inserted, deleted or
/// re-texted chunk, in the writer's transaction. In-memory copies of the lexical index (one per process) read it to
/// catch up with writes from any connection; a chunk's current row (or its absence) is the change to apply.
/// </summary>
/// <remarks>It grows by one small row per chunk write and is never trimmed, since another process may still be behind.</remarks>
public static class LexicalChangeLog
{
    /// <summary>Name of the log table.</summary>
    public const string TableName = "LexicalChanges";
}
