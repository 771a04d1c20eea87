using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>
/// The table <c>LexicalChanges (Seq, ChunkId)</c> (created by the <c>LexicalChangeLog</c> migration): triggers on <c>Chunks</c> append the id of every inserted, deleted or
/// re-texted chunk, in the writer's transaction. In-memory copies of the lexical index (one per process) read it to
/// catch up with writes from any connection; a chunk's current row (or its absence) is the change to apply.
/// </summary>
/// <remarks>
/// Trimmed to the newest <see cref="KeepEntries"/> entries, at most once per <see cref="TrimInterval"/> per process.
/// Another process may still be behind a trim: a reader whose last applied entry is older than the oldest one left
/// (a gap in <c>Seq</c>, which otherwise has none) rebuilds its copy instead of missing the trimmed changes.
/// </remarks>
public static class LexicalChangeLog
{
    /// <summary>Name of the log table.</summary>
    public const string TableName = "LexicalChanges";

    /// <summary>Entries kept by a trim: far more than a reader applies incrementally, so only a reader long asleep rebuilds.</summary>
    public const int KeepEntries = 10_000;

    /// <summary>Shortest time between two trims in one process.</summary>
    public static readonly TimeSpan TrimInterval = TimeSpan.FromMinutes(1);

    private static long nextTrimAt = long.MinValue;

    /// <summary>Deletes every entry but the newest <paramref name="keep"/>; returns how many were deleted.</summary>
    public static async Task<int> TrimAsync(SqliteConnection connection, int keep = KeepEntries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        await using var command = connection.CreateCommand();

        // Never the newest entry, so MAX(Seq) (every reader's watermark) survives and AUTOINCREMENT never reuses a number.
        command.CommandText = $"DELETE FROM {TableName} WHERE Seq <= (SELECT MAX(Seq) FROM {TableName}) - $keep";
        command.Parameters.AddWithValue("$keep", keep);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Trims when this process has not trimmed for <see cref="TrimInterval"/>; a busy database just postpones it.</summary>
    internal static async Task TrimIfDueAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        var due = Interlocked.Read(ref nextTrimAt);
        if (now < due || Interlocked.CompareExchange(ref nextTrimAt, now + (long)TrimInterval.TotalMilliseconds, due) != due)
        {
            return;
        }

        try
        {
            await TrimAsync(connection, KeepEntries, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // Busy or locked by another writer: the log only grows a little until the next try.
        }
    }
}
