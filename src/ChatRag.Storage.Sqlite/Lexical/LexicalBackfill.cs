using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>
/// Analyses the chunks a database written before language-aware lexical search holds (<c>LexicalTerms</c> null after
/// the <c>LanguageAwareLexical</c> migration): language per chunk, terms, and through the update trigger their FTS5 entry
/// and a change-log entry for in-memory copies. Runs at start-up in committed batches, so a stopped upgrade resumes where
/// it stopped; a database with nothing to analyse costs one indexed look-up.
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
        command.CommandText = "SELECT Id, DocumentId FROM Chunks WHERE Id > $after AND LexicalTerms IS NULL ORDER BY Id LIMIT $n";
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
        var chunks = new List<(long Id, string Text, bool Pending)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id, Text, LexicalTerms IS NULL FROM Chunks WHERE DocumentId = $d ORDER BY Ordinal";
            read.Parameters.AddWithValue("$d", document);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                chunks.Add((reader.GetInt64(0), reader.GetString(1), reader.GetBoolean(2)));
            }
        }

        var analysed = ChunkAnalysis.Analyse(chunks.ConvertAll(c => c.Text));
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE Chunks SET Language = $lang, LexicalTerms = $terms WHERE Id = $id";
        var id = update.Parameters.Add("$id", SqliteType.Integer);
        var language = update.Parameters.Add("$lang", SqliteType.Text);
        var terms = update.Parameters.Add("$terms", SqliteType.Text);
        var count = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            if (chunks[i].Pending)
            {
                (id.Value, language.Value, terms.Value) = (chunks[i].Id, analysed[i].Language, analysed[i].Terms);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lexical re-analysis: {Count} chunk(s) analysed so far.")]
    private static partial void LogProgress(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lexical re-analysis done: {Count} chunk(s) indexed with their language's analysis in {Elapsed} ms.")]
    private static partial void LogDone(ILogger logger, int count, long elapsed);
}
