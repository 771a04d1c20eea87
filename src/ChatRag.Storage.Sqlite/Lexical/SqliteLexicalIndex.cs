using System.Diagnostics;
using ChatRag.Core.Indexing;
using ChatRag.Storage.Sqlite.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>
/// <see cref="ILexicalIndex"/> over the FTS5 table <see cref="FtsSchema.TableName"/>. Scores are FTS5's BM25 negated,
/// so higher is better; the collection filter is part of the FTS5 MATCH expression, so the top-k is taken after filtering.
/// </summary>
/// <remarks>An empty collection list or a query without words returns no hits. Term statistics (IDF, average length) are global across collections.</remarks>
public sealed class SqliteLexicalIndex(SqliteConnectionSettings database) : ConnectionLexicalIndex(database)
{
    /// <inheritdoc />
    private protected override async Task<AnalysedLexicalHits> SearchOnAsync(
        SqliteConnection connection, string query, int top, IReadOnlyCollection<string> collections, IReadOnlyCollection<Guid>? documents, CancellationToken cancellationToken)
    {
        using var activity = SqliteStorageTelemetry.ActivitySource.StartActivity("sqlite.lexical_search");
        activity?.SetTag("chatrag.top", top);
        var clock = Stopwatch.StartNew();
        var languages = await LexicalLanguages.ReadAsync(connection, collections, cancellationToken).ConfigureAwait(false);
        var terms = FtsQueryBuilder.SearchTerms(query, languages);
        var match = FtsQueryBuilder.Build(terms, collections);
        if (match is null)
        {
            return AnalysedLexicalHits.None;
        }

        await using var command = connection.CreateCommand();

        // The scope is inside MATCH, so FTS5 filters by collection before scoring and no join is needed.
        // Chosen documents are a rowid condition in the same WHERE, so the LIMIT is taken among their chunks only.
        // bm25 weights: Text 1, Scope 0.
        var chosen = documents is null ? string.Empty : $"AND rowid IN ({LexicalDocuments.ChunkIdsSql})";
        command.CommandText = $"""
            SELECT rowid, bm25({FtsSchema.TableName}, 1.0, 0.0) AS score
            FROM {FtsSchema.TableName}
            WHERE {FtsSchema.TableName} MATCH $match {chosen}
            ORDER BY score
            LIMIT $top
            """;
        command.Parameters.AddWithValue("$match", match);
        if (documents is not null)
        {
            command.Parameters.AddWithValue("$documents", LexicalDocuments.Json(documents));
        }

        command.Parameters.AddWithValue("$top", top);
        var hits = new List<LexicalHit>(Math.Min(top, 1024));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                hits.Add(new LexicalHit(reader.GetInt64(0), -reader.GetDouble(1)));
            }
        }

        SqliteStorageTelemetry.LexicalSearchDuration.Record(clock.Elapsed.TotalMilliseconds);
        activity?.SetTag("chatrag.hits", hits.Count);
        return new AnalysedLexicalHits(hits, terms);
    }
}
