using System.Runtime.CompilerServices;
using ChatRag.Core.Documents;

namespace ChatRag.Storage.Sqlite.Documents;

/// <summary>Reading a whole collection back, for re-embedding.</summary>
public sealed partial class SqliteDocumentRepository
{
    /// <inheritdoc />
    public async IAsyncEnumerable<StoredChunk> StreamChunksAsync(string collection, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, DocumentId, Collection, Text FROM Chunks WHERE Collection = $collection ORDER BY Id";
        command.Parameters.AddWithValue("$collection", collection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredChunk(reader.GetInt64(0), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3));
        }
    }
}
