using System.Text.Json;
using ChatRag.Storage.Sqlite.Documents;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>Chosen documents as the lexical indexes use them: the chunk ids of those documents.</summary>
internal static class LexicalDocuments
{
    /// <summary>Chunk ids of the documents in the JSON array parameter <c>$documents</c>, served by the (DocumentId, Ordinal) index.</summary>
    public const string ChunkIdsSql = "SELECT Id FROM Chunks WHERE DocumentId IN (SELECT value FROM json_each($documents))";

    /// <summary>The <c>$documents</c> parameter: ids spelled as EF stores them.</summary>
    public static string Json(IReadOnlyCollection<Guid> documents) =>
        JsonSerializer.Serialize(documents.Select(SqliteDocumentRepository.Key).ToList());

    /// <summary>Every chunk id of <paramref name="documents"/>.</summary>
    public static async Task<IReadOnlySet<long>> ChunkIdsAsync(SqliteConnection connection, IReadOnlyCollection<Guid> documents, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = ChunkIdsSql;
        command.Parameters.AddWithValue("$documents", Json(documents));
        var ids = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
