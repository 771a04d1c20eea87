using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>The languages chunks of some collections were analysed in, which decide how a query is analysed.</summary>
internal static class LexicalLanguages
{
    /// <summary>
    /// Distinct <c>Chunks.Language</c> values in <paramref name="collections"/>: a few seeks in the (Collection, Language)
    /// index per collection (a skip scan written as a recursive query), not a scan of the chunks.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> ReadAsync(SqliteConnection connection, IReadOnlyCollection<string> collections, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            WITH RECURSIVE l(c, x) AS (
                SELECT value, (SELECT MIN(Language) FROM Chunks WHERE Collection = value) FROM json_each($collections)
                UNION ALL
                SELECT c, (SELECT MIN(Language) FROM Chunks WHERE Collection = c AND Language > x) FROM l WHERE x IS NOT NULL)
            SELECT DISTINCT x FROM l WHERE x IS NOT NULL ORDER BY x
            """;
        command.Parameters.AddWithValue("$collections", JsonSerializer.Serialize(collections));
        var languages = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            languages.Add(reader.GetString(0));
        }

        return languages;
    }
}
