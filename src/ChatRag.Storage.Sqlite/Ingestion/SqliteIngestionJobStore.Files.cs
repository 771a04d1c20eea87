namespace ChatRag.Storage.Sqlite.Ingestion;

/// <content>The stored originals the jobs refer to.</content>
public sealed partial class SqliteIngestionJobStore
{
    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> ListStoredFilesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT StoredFile FROM IngestionJobs";
        var files = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            files.Add(reader.GetString(0));
        }

        return files;
    }
}
