using ChatRag.Core.Documents;
using ChatRag.Storage.Sqlite.Entities;
using ChatRag.Storage.Sqlite.Lexical;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Documents;

/// <summary>
/// Prepared statements for writing documents inside one open transaction; reused across every document and chunk
/// of a batch, which is the cheapest way to insert many rows through ADO.NET.
/// </summary>
internal sealed class DocumentWriter : IAsyncDisposable
{
    private const int SqliteConstraintUnique = 2067;

    private readonly SqliteConnection connection;
    private readonly SqliteCommand ensureCollection;
    private readonly SqliteCommand deleteDocument;
    private readonly SqliteCommand insertDocument;
    private readonly SqliteCommand insertChunk;

    public DocumentWriter(SqliteConnection connection)
    {
        this.connection = connection;
        ensureCollection = Prepare("INSERT OR IGNORE INTO Collections(Name, CreatedAt) VALUES ($c, $now)", "$c", "$now");

        // Replace semantics: the old chunks (and, through the triggers, their FTS entries) go with the old row.
        deleteDocument = Prepare("DELETE FROM Documents WHERE Id = $id", "$id");
        insertDocument = Prepare(
            """
            INSERT INTO Documents(Id, Collection, Name, ContentHash, ExternalId, Status, Error, ChunkCount, CreatedAt, UpdatedAt)
            VALUES ($id, $c, $name, $hash, $ext, $status, NULL, $count, $now, $now)
            """,
            "$id", "$c", "$name", "$hash", "$ext", "$status", "$count", "$now");
        insertChunk = Prepare(
            """
            INSERT INTO Chunks(DocumentId, Collection, Ordinal, Text, Page, HeadingPath, StartOffset, EndOffset, OcrConfidence, Language, LexicalTerms, TitleTerms, BodyTerms)
            VALUES ($doc, $c, $ord, $text, $page, $head, $start, $end, $ocr, $lang, $terms, $title, $body) RETURNING Id
            """,
            "$doc", "$c", "$ord", "$text", "$page", "$head", "$start", "$end", "$ocr", "$lang", "$terms", "$title", "$body");
    }

    /// <summary>Writes one document and its chunks (already ordered by ordinal); returns the stored chunks.</summary>
    public async Task<List<StoredChunk>> WriteAsync(NewDocument document, List<NewChunk> ordered, DateTime now, CancellationToken cancellationToken)
    {
        var id = SqliteDocumentRepository.Key(document.Id);
        await RunAsync(ensureCollection, cancellationToken, document.Collection, now).ConfigureAwait(false);
        await RunAsync(deleteDocument, cancellationToken, id).ConfigureAwait(false);
        try
        {
            await RunAsync(insertDocument, cancellationToken, id, document.Collection, document.Name, document.ContentHash, document.ExternalId, DocumentStatus.Ready, ordered.Count, now).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == SqliteConstraintUnique)
        {
            throw new DuplicateContentException(document.Collection, await FindByHashAsync(document, cancellationToken).ConfigureAwait(false));
        }

        // The insert trigger hands LexicalTerms to FTS5: the analysis happens here, in each chunk's language.
        var analysed = ChunkAnalysis.Analyse(ordered.ConvertAll(c => c.Text ?? throw new ArgumentException("A chunk has no text.", nameof(ordered))));
        var stored = new List<StoredChunk>(ordered.Count);
        var p = insertChunk.Parameters;
        p[0].Value = id;
        p[1].Value = document.Collection;
        for (var i = 0; i < ordered.Count; i++)
        {
            var chunk = ordered[i];
            p[2].Value = chunk.Ordinal;
            p[3].Value = chunk.Text;
            p[4].Value = (object?)chunk.Page ?? DBNull.Value;
            p[5].Value = (object?)chunk.HeadingPath ?? DBNull.Value;
            p[6].Value = chunk.StartOffset;
            p[7].Value = chunk.EndOffset;
            p[8].Value = (object?)chunk.OcrConfidence ?? DBNull.Value;
            p[9].Value = analysed[i].Language;
            p[10].Value = analysed[i].Terms;
            p[11].Value = analysed[i].TitleTerms;
            p[12].Value = analysed[i].BodyTerms;
            var chunkId = (long)(await insertChunk.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            stored.Add(new StoredChunk(chunkId, document.Id, document.Collection, chunk.Text));
        }

        return stored;
    }

    public async ValueTask DisposeAsync()
    {
        await ensureCollection.DisposeAsync().ConfigureAwait(false);
        await deleteDocument.DisposeAsync().ConfigureAwait(false);
        await insertDocument.DisposeAsync().ConfigureAwait(false);
        await insertChunk.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task RunAsync(SqliteCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private async Task<Guid> FindByHashAsync(NewDocument document, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Documents WHERE Collection = $c AND ContentHash = $h";
        command.Parameters.AddWithValue("$c", document.Collection);
        command.Parameters.AddWithValue("$h", document.ContentHash);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string found ? Guid.Parse(found) : Guid.Empty;
    }
}
