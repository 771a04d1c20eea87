using System.Diagnostics;
using ChatRag.Core.Documents;
using ChatRag.Storage.Sqlite.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Documents;

/// <content>Writes: add (document + chunks + FTS in one transaction), batched add, delete.</content>
public sealed partial class SqliteDocumentRepository
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredChunk>> AddDocumentAsync(NewDocument document, IReadOnlyList<NewChunk> chunks, CancellationToken cancellationToken = default) =>
        (await AddDocumentsAsync([new NewDocumentWithChunks(document, chunks)], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Writes the whole batch in one transaction: all documents are stored, or none.</summary>
    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyList<StoredChunk>>> AddDocumentsAsync(IReadOnlyList<NewDocumentWithChunks> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var batch = documents.Select(d => (d.Document, Chunks: Validate(d))).ToList();
        using var activity = SqliteStorageTelemetry.ActivitySource.StartActivity("sqlite.add_documents");
        activity?.SetTag("chatrag.documents", batch.Count);
        var clock = Stopwatch.StartNew();

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // IMMEDIATE takes the write lock up front, so concurrent writers queue on busy_timeout instead of deadlocking.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = DateTime.UtcNow;
        var result = new List<IReadOnlyList<StoredChunk>>(batch.Count);
        await using (var writer = new DocumentWriter(connection))
        {
            foreach (var (document, chunks) in batch)
            {
                result.Add(await writer.WriteAsync(document, chunks, now, cancellationToken).ConfigureAwait(false));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var written = result.Sum(r => r.Count);
        activity?.SetTag("chatrag.chunks", written);
        SqliteStorageTelemetry.ChunksWritten.Add(written);
        SqliteStorageTelemetry.WriteDuration.Record(clock.Elapsed.TotalMilliseconds);
        return result;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteDocumentAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        using var activity = SqliteStorageTelemetry.ActivitySource.StartActivity("sqlite.delete_document");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // Chunks cascade through the foreign key; the delete trigger removes their FTS entries in the same statement.
        command.CommandText = "DELETE FROM Documents WHERE Id = $id";
        command.Parameters.AddWithValue("$id", Key(documentId));
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        if (deleted)
        {
            SqliteStorageTelemetry.DocumentsDeleted.Add(1);
        }

        return deleted;
    }

    private static List<NewChunk> Validate(NewDocumentWithChunks item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(item.Document);
        ArgumentNullException.ThrowIfNull(item.Chunks);
        ValidateCollection(item.Document.Collection);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.Document.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.Document.ContentHash);
        var ordered = item.Chunks.OrderBy(c => c.Ordinal).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Ordinal == ordered[i - 1].Ordinal)
            {
                throw new ArgumentException($"Chunk ordinal {ordered[i].Ordinal} appears twice.", nameof(item));
            }
        }

        return ordered;
    }
}
