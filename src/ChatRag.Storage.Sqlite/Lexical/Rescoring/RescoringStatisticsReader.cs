using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Lexical.Rescoring;

/// <summary>
/// Reads what the re-scoring needs from the database both engines index: collection statistics from the running sums in
/// <c>LexicalStatistics</c> (one row per collection, kept by triggers on <c>Chunks</c> in the writer's transaction),
/// document frequencies from an <c>fts5vocab</c> view of the FTS5 table, and the candidates' stored terms and title
/// term counts.
/// </summary>
/// <remarks>
/// Reading from the database rather than from either engine is what keeps both engines' re-scored orders identical; the
/// one exception, the Memory engine's own document frequencies (<see cref="AnalysedLexicalHits.DocumentFrequencies"/>),
/// counts the same FTS5 index the same way. Statistics are global across collections, as FTS5's own BM25 statistics are.
/// </remarks>
internal static class RescoringStatisticsReader
{
    /// <summary>
    /// Chunk count and average lengths: a sum over the few rows of <c>LexicalStatistics</c>, so no cache is needed and a
    /// search right after an index change (or another process's backfill) costs the same as any other.
    /// </summary>
    public static async Task<RescoringStatistics> StatisticsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT TOTAL(Chunks), TOTAL(TitleTerms), TOTAL(BodyTerms) FROM LexicalStatistics";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (chunks, title, body) = ((long)reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2));

        // Integer sums below 2^53, so these are the exact values the scan of Chunks gave (the + chunks is FTS5's scope token per chunk).
        var n = Math.Max(chunks, 1);
        return new RescoringStatistics(chunks, title / n, body / n, (title + body + chunks) / n);
    }

    /// <summary>How many chunks hold each of <paramref name="terms"/> (absent terms: 0).</summary>
    public static async Task<Dictionary<string, long>> DocumentFrequenciesAsync(SqliteConnection connection, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var frequencies = new Dictionary<string, long>(terms.Count, StringComparer.Ordinal);
        await using var command = connection.CreateCommand();

        // A temp view per connection: fts5vocab reads the FTS5 index's own term list, so no table or trigger is added.
        command.CommandText = $"""
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.{FtsSchema.TableName}_vocab USING fts5vocab(main, {FtsSchema.TableName}, row);
            SELECT term, doc FROM temp.{FtsSchema.TableName}_vocab WHERE term IN (SELECT value FROM json_each($terms));
            """;
        command.Parameters.AddWithValue("$terms", JsonSerializer.Serialize(terms));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            frequencies[reader.GetString(0)] = reader.GetInt64(1);
        }

        return frequencies;
    }

    /// <summary>The stored terms and title term counts of <paramref name="chunkIds"/>.</summary>
    public static async Task<List<RescoringCandidate>> CandidatesAsync(SqliteConnection connection, IEnumerable<long> chunkIds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Id, COALESCE(LexicalTerms, ''), COALESCE(TitleTerms, 0) FROM Chunks
            WHERE Id IN (SELECT value FROM json_each($ids))
            """;
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(chunkIds.ToList()));
        var candidates = new List<RescoringCandidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var terms = reader.GetString(1);
            candidates.Add(new RescoringCandidate(reader.GetInt64(0), terms.Length == 0 ? [] : terms.Split(' '), reader.GetInt32(2)));
        }

        return candidates;
    }
}
