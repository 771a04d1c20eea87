using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ChatRag.Storage.Sqlite.Lexical.Postings;

/// <summary>
/// Streams (term, chunk, frequency) out of an <c>fts5vocab</c> instance table. It yields one row per token occurrence,
/// ordered by term then chunk, so runs of equal rows are the frequency. Millions of rows: read through SQLite's C API,
/// comparing the term's UTF-8 bytes in place and decoding a string only when the term changes.
/// </summary>
internal static class FtsPostingsReader
{
    public static IEnumerable<(string Term, long ChunkId, int Frequency)> Read(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), rc);
        }

        using (statement)
        {
            var cursor = new Cursor();
            string? term = null;
            long chunk = -1;
            var frequency = 0;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var nextChunk = raw.sqlite3_column_int64(statement, 1);
                var termChanged = cursor.Advance(statement);
                if ((cursor.Rows & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (!termChanged && nextChunk == chunk)
                {
                    frequency++;
                    continue;
                }

                if (term is not null)
                {
                    yield return (term, chunk, frequency);
                }

                term = termChanged ? cursor.Term : term;
                (chunk, frequency) = (nextChunk, 1);
            }

            if (rc != raw.SQLITE_DONE)
            {
                throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), rc);
            }

            if (term is not null)
            {
                yield return (term, chunk, frequency);
            }
        }
    }

    // Holds the current term's bytes; spans cannot live across the iterator's yields, so the comparison happens here.
    private sealed class Cursor
    {
        private byte[] bytes = new byte[64];
        private int length = -1;

        public long Rows { get; private set; }

        public string Term { get; private set; } = "";

        public bool Advance(sqlite3_stmt statement)
        {
            Rows++;
            var current = raw.sqlite3_column_blob(statement, 0);
            if (length == current.Length && current.SequenceEqual(bytes.AsSpan(0, length)))
            {
                return false;
            }

            if (current.Length > bytes.Length)
            {
                bytes = new byte[current.Length * 2];
            }

            current.CopyTo(bytes);
            length = current.Length;
            Term = Encoding.UTF8.GetString(current);
            return true;
        }
    }
}
