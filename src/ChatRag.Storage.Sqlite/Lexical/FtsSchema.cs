namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>
/// DDL of the FTS5 index over <c>Chunks.Text</c>. It is an external-content table (the text is stored once, in
/// <c>Chunks</c>) kept in sync by triggers, so every write path, cascade deletes included, updates it in the
/// caller's transaction.
/// </summary>
public static class FtsSchema
{
    /// <summary>Name of the FTS5 table.</summary>
    public const string TableName = "chunks_fts";

    /// <summary>
    /// Tokenizer: Unicode 6.1 word splitting, case folding and accent removal (so "resume" finds "résumé"), no
    /// stemming. Chosen by nDCG@10 on SciFact (English) and PIAF (French); see the README of this project.
    /// </summary>
    public const string Tokenizer = "unicode61 remove_diacritics 2";

    /// <summary>Creates the table and its triggers (run by the initial migration).</summary>
    public const string Create = $"""
        CREATE VIRTUAL TABLE IF NOT EXISTS {TableName} USING fts5(
            Text, content='Chunks', content_rowid='Id', tokenize='{Tokenizer}');
        CREATE TRIGGER IF NOT EXISTS chunks_fts_after_insert AFTER INSERT ON Chunks BEGIN
            INSERT INTO {TableName}(rowid, Text) VALUES (new.Id, new.Text);
        END;
        CREATE TRIGGER IF NOT EXISTS chunks_fts_after_delete AFTER DELETE ON Chunks BEGIN
            INSERT INTO {TableName}({TableName}, rowid, Text) VALUES ('delete', old.Id, old.Text);
        END;
        CREATE TRIGGER IF NOT EXISTS chunks_fts_after_update AFTER UPDATE OF Text ON Chunks BEGIN
            INSERT INTO {TableName}({TableName}, rowid, Text) VALUES ('delete', old.Id, old.Text);
            INSERT INTO {TableName}(rowid, Text) VALUES (new.Id, new.Text);
        END;
        """;

    /// <summary>Drops the triggers and the table (the migration's Down).</summary>
    public const string Drop = $"""
        DROP TRIGGER IF EXISTS chunks_fts_after_update;
        DROP TRIGGER IF EXISTS chunks_fts_after_delete;
        DROP TRIGGER IF EXISTS chunks_fts_after_insert;
        DROP TABLE IF EXISTS {TableName};
        """;
}
