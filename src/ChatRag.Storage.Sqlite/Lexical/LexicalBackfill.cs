using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>
/// Analyses the chunks a database written before language-aware lexical search holds (<c>LexicalTerms</c> null after
/// the <c>LanguageAwareLexical</c> migration): language per chunk, terms, and through the update trigger their FTS5 entry
/// and a change-log entry for in-memory copies. Also derives the title term count of chunks stored before the
/// <c>ChunkTitleTerms</c> migration (<c>TitleTerms</c> null) from their text, and the body term count of chunks stored
/// before the <c>LexicalStatistics</c> migration (<c>BodyTerms</c> null) from their stored terms, without touching their
/// terms. Runs at start-up in committed batches, so a stopped upgrade resumes where it stopped; a database with nothing to
/// analyse still reads every chunk row once (no index covers the null tests).
/// </summary>
public static partial class LexicalBackfill
{
    /// <summary>Chunks read per batch (one write transaction each).</summary>
    public const int BatchSize = 500;

    /// <summary>Analyses every chunk without terms; returns how many were analysed.</summary>
    public static async Task<int> RunAsync(SqliteConnectionSettings database, ILogger logger, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var total = 0;
        long after = 0;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            using var transaction = connection.BeginTransaction();
            var (documents, last) = await NextBatchAsync(connection, after, cancellationToken).ConfigureAwait(false);
            if (documents.Count == 0)
            {
                break;
            }

            foreach (var document in documents)
            {
                total += await AnalyseDocumentAsync(connection, document, cancellationToken).ConfigureAwait(false);
            }

            transaction.Commit();
            after = last;
            LogProgress(logger, total);
        }

        if (total > 0)
        {
            LogDone(logger, total, clock.ElapsedMilliseconds);
        }

        return total;
    }

    private static async Task<(List<string> Documents, long Last)> NextBatchAsync(SqliteConnection connection, long after, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();

        // By rowid from the last batch, so each batch is a range scan rather than a re-scan from the start.
        command.CommandText = "SELECT Id, DocumentId FROM Chunks WHERE Id > $after AND (LexicalTerms IS NULL OR TitleTerms IS NULL OR BodyTerms IS NULL) ORDER BY Id LIMIT $n";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$n", BatchSize);
        var documents = new List<string>();
        var last = after;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            last = reader.GetInt64(0);
            var document = reader.GetString(1);
            if (!documents.Contains(document, StringComparer.Ordinal))
            {
                documents.Add(document);
            }
        }

        return (documents, last);
    }

    // The whole document is read so that chunks too short to tell take the document's language, as at ingestion.
    private static async Task<int> AnalyseDocumentAsync(SqliteConnection connection, string document, CancellationToken cancellationToken)
    {
        var chunks = new List<(long Id, string Text, string? Language, string? Terms, bool Pending)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id, Text, CASE WHEN LexicalTerms IS NULL THEN NULL ELSE Language END, LexicalTerms, LexicalTerms IS NULL OR TitleTerms IS NULL OR BodyTerms IS NULL FROM Chunks WHERE DocumentId = $d ORDER BY Ordinal";
            read.Parameters.AddWithValue("$d", document);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                chunks.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetBoolean(4)));
            }
        }

        // The whole document is analysed only when a chunk lacks its terms (its language depends on its neighbours).
        var analysed = chunks.Exists(c => c.Pending && c.Language is null) ? ChunkAnalysis.Analyse(chunks.ConvertAll(c => c.Text)) : null;
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE Chunks SET Language = $lang, LexicalTerms = $terms, TitleTerms = $title, BodyTerms = $body WHERE Id = $id";
        var id = update.Parameters.Add("$id", SqliteType.Integer);
        var language = update.Parameters.Add("$lang", SqliteType.Text);
        var terms = update.Parameters.Add("$terms", SqliteType.Text);
        var title = update.Parameters.Add("$title", SqliteType.Integer);
        var body = update.Parameters.Add("$body", SqliteType.Integer);

        // A chunk that already has its terms only gets its title count, from its stored language, and its body count,
        // from its stored terms: rewriting its terms would re-index it in FTS5 and log a change for nothing (the update
        // trigger is on LexicalTerms).
        await using var titleOnly = connection.CreateCommand();
        titleOnly.CommandText = "UPDATE Chunks SET TitleTerms = $title, BodyTerms = $body WHERE Id = $id";
        var titleOnlyId = titleOnly.Parameters.Add("$id", SqliteType.Integer);
        var titleOnlyCount = titleOnly.Parameters.Add("$title", SqliteType.Integer);
        var bodyOnlyCount = titleOnly.Parameters.Add("$body", SqliteType.Integer);
        var count = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            if (!chunks[i].Pending)
            {
                continue;
            }

            if (chunks[i].Language is { } stored)
            {
                var titleCount = ChunkAnalysis.TitleTerms(chunks[i].Text, stored);
                (titleOnlyId.Value, titleOnlyCount.Value, bodyOnlyCount.Value) = (chunks[i].Id, titleCount, ChunkAnalysis.BodyTerms(chunks[i].Terms!, titleCount));
                await titleOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                (id.Value, language.Value, terms.Value, title.Value, body.Value) = (chunks[i].Id, analysed![i].Language, analysed[i].Terms, analysed[i].TitleTerms, analysed[i].BodyTerms);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            count++;
        }

        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lexical re-analysis: {Count} chunk(s) analysed so far.")]
    private static partial void LogProgress(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lexical re-analysis done: {Count} chunk(s) indexed with their language's analysis in {Elapsed} ms.")]
    private static partial void LogDone(ILogger logger, int count, long elapsed);
}
