using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Lexical.Postings;

public sealed partial class MemoryLexicalIndex
{
    // Beyond this many pending changes (bulk imports, collection resets) re-reading FTS5's index beats re-tokenizing.
    private const int MaxIncrementalChanges = 2_000;

    private static async Task<long> LatestChangeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(Seq), 0) FROM {LexicalChangeLog.TableName}";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<long> OldestChangeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MIN(Seq), 0) FROM {LexicalChangeLog.TableName}";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async Task RebuildAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_fts_tokens USING fts5vocab(main, {FtsSchema.TableName}, instance)";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // One read transaction: the change watermark, the chunk list and the postings come from the same snapshot.
        using var transaction = connection.BeginTransaction(deferred: true);
        var change = await LatestChangeAsync(connection, cancellationToken).ConfigureAwait(false);
        var documents = new List<(long, string)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id, Collection FROM Chunks ORDER BY Id";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                documents.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        var fresh = Bm25Postings.Build(documents, FtsPostingsReader.Read(connection, "SELECT term, doc FROM temp.chunks_fts_tokens WHERE col = 'Text'", cancellationToken));
        Swap(fresh, change);
        LogBuilt(fresh.Count, fresh.TermCount, fresh.PostingCount, clock.ElapsedMilliseconds);
        transaction.Commit();
    }

    private async Task ApplyChangesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // Every row of a chunk id joins the chunk's current state, so the last one seen is the one to apply.
        var changed = new Dictionary<long, (string Collection, string Text)?>();
        var latest = appliedChange;
        var rebuild = false;

        // One read snapshot: a trim committed between the gap check and the read cannot hide entries from it.
        using (var snapshot = connection.BeginTransaction(deferred: true))
        {
            rebuild = await OldestChangeAsync(connection, cancellationToken).ConfigureAwait(false) > appliedChange + 1;
            var rows = 0;
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"""
                    SELECT l.Seq, l.ChunkId, c.Collection, COALESCE(c.LexicalTerms, '')
                    FROM {LexicalChangeLog.TableName} l LEFT JOIN Chunks c ON c.Id = l.ChunkId
                    WHERE l.Seq > $after ORDER BY l.Seq LIMIT $limit
                    """;
                command.Parameters.AddWithValue("$after", appliedChange);
                command.Parameters.AddWithValue("$limit", MaxIncrementalChanges + 1);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (!rebuild && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    latest = reader.GetInt64(0);
                    rows++;
                    changed[reader.GetInt64(1)] = reader.IsDBNull(2) ? null : (reader.GetString(2), reader.GetString(3));
                }
            }

            rebuild |= rows > MaxIncrementalChanges;
            snapshot.Commit();
        }

        // Too many changes, or some were trimmed before this copy saw them (it fell behind): re-read FTS5 wholesale.
        if (rebuild)
        {
            await RebuildAsync(connection, cancellationToken).ConfigureAwait(false);
            return;
        }

        var present = changed.Where(c => c.Value is not null).ToList();
        var tokens = tokenizer.Tokenize(present.ConvertAll(c => c.Value!.Value.Text));
        gate.EnterWriteLock();
        try
        {
            foreach (var chunk in changed.Keys)
            {
                postings!.Remove(chunk);
            }

            for (var i = 0; i < present.Count; i++)
            {
                // +1: FTS5 counts the scope column's one token in a row's length.
                postings!.Add(present[i].Key, present[i].Value!.Value.Collection, tokens[i].Terms, tokens[i].Length + 1);
            }

            Volatile.Write(ref appliedChange, latest);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }
}
