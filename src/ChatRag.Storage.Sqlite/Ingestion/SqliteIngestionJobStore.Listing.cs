using ChatRag.Core.Ingestion;
using ChatRag.Storage.Sqlite.Documents;

namespace ChatRag.Storage.Sqlite.Ingestion;

/// <content>The document list, one page at a time.</content>
public sealed partial class SqliteIngestionJobStore
{
    /// <inheritdoc />
    public async Task<DocumentPage> ListPageAsync(string? collection, int limit, DocumentCursor? after, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var where = new List<string>();
        var values = new List<object>();
        if (collection is not null)
        {
            where.Add($"d.Collection = $p{values.Count}");
            values.Add(collection);
        }

        if (after is { } cursor)
        {
            // A keyset on (CreatedAt, Id), the list's own order: CreatedAt is bound as a DateTime, so it is compared in
            // the same text form the writers stored it in; a re-index keeps a document's CreatedAt, and so its place.
            where.Add($"(d.CreatedAt < $p{values.Count} OR (d.CreatedAt = $p{values.Count} AND d.Id < $p{values.Count + 1}))");
            values.Add(cursor.CreatedAt);
            values.Add(SqliteDocumentRepository.Key(cursor.Id));
        }

        // One row more than asked tells whether another page exists without counting the whole collection.
        var sql = SelectInfo
            + (where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where))
            + $" ORDER BY d.CreatedAt DESC, d.Id DESC LIMIT $p{values.Count}";
        values.Add(limit + 1);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await QueryAsync(connection, sql, cancellationToken, [.. values]).ConfigureAwait(false);
        if (rows.Count <= limit)
        {
            return new DocumentPage(rows, null);
        }

        rows.RemoveAt(limit);
        var last = rows[^1];
        return new DocumentPage(rows, new DocumentCursor(last.CreatedAt, last.Id));
    }
}
