using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Lexical.Rescoring;

/// <summary>
/// Reads what the re-scoring needs from the database both engines index: collection averages (cached until the next
/// entry in <see cref="LexicalChangeLog"/>, the log the in-memory engine follows too), document frequencies from an
/// <c>fts5vocab</c> view of the FTS5 table, and the candidates' stored terms and title term counts.
/// </summary>
/// <remarks>
/// Reading from the database rather than from either engine is what keeps both engines' re-scored orders identical.
/// Statistics are global across collections, as FTS5's own BM25 statistics are.
/// </remarks>
internal sealed class RescoringStatisticsReader
{
    // A title backfill (LexicalBackfill) changes no term, so it writes no change-log entry; it bumps this instead.
    private static long titleVersion;

    private readonly Lock gate = new();
    private (long Seq, long Titles, RescoringStatistics Statistics)? cached;

    /// <summary>Called by the backfill after it wrote title term counts, so cached averages are recomputed.</summary>
    internal static void TitlesChanged() => Interlocked.Increment(ref titleVersion);

    /// <summary>Chunk count and average lengths, recomputed only after the lexical index changed.</summary>
    public async Task<RescoringStatistics> StatisticsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var titles = Interlocked.Read(ref titleVersion);
        long seq;
        await using (var version = connection.CreateCommand())
        {
            version.CommandText = $"SELECT COALESCE(MAX(Seq), 0) FROM {LexicalChangeLog.TableName}";
            seq = (long)(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        lock (gate)
        {
            if (cached is { } hit && hit.Seq == seq && hit.Titles == titles)
            {
                return hit.Statistics;
            }
        }

        await using var command = connection.CreateCommand();

        // Term counts from the stored terms (space-separated); the + 1 per chunk is FTS5's scope token.
        command.CommandText = """
            SELECT COUNT(*), TOTAL(COALESCE(TitleTerms, 0)),
                   TOTAL(CASE WHEN COALESCE(LexicalTerms, '') = '' THEN 0 ELSE length(LexicalTerms) - length(replace(LexicalTerms, ' ', '')) + 1 END)
            FROM Chunks
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (chunks, title, total) = (reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2));
        var n = Math.Max(chunks, 1);
        var statistics = new RescoringStatistics(chunks, title / n, (total - title) / n, (total + chunks) / n);
        lock (gate)
        {
            cached = (seq, titles, statistics);
        }

        return statistics;
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
