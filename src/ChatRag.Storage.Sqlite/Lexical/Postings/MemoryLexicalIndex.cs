using System.Diagnostics;
using ChatRag.Core.Indexing;
using ChatRag.Storage.Sqlite.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ChatRag.Storage.Sqlite.Lexical.Postings;

/// <summary>
/// <see cref="ILexicalIndex"/> over an in-memory copy of the FTS5 index (<see cref="Bm25Postings"/>: same tokens, same
/// BM25, top-k by MaxScore instead of scoring every match). SQLite stays the source of truth: the copy is built from
/// <c>chunks_fts</c> on the first search and then follows the <c>LexicalChanges</c> log, which triggers on <c>Chunks</c>
/// fill in the same transaction as the chunk rows, so every search sees every committed write, from this process or
/// another one.
/// </summary>
/// <remarks>Memory: about 17 bytes per (term, chunk) pair, 156 MiB for 100k chunks of 60-180 words.</remarks>
public sealed partial class MemoryLexicalIndex(SqliteConnectionSettings database, ILogger<MemoryLexicalIndex> logger) : ConnectionLexicalIndex(database), IDisposable
{
    private readonly FtsTokenizer tokenizer = new();
    private readonly SemaphoreSlim refreshGate = new(1, 1);
    private readonly ReaderWriterLockSlim gate = new();
    private Bm25Postings? postings;
    private long appliedChange;

    /// <summary>Builds the in-memory index if needed and applies every committed chunk change (searches call this first).</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await CatchUpAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    private protected override async Task<AnalysedLexicalHits> SearchOnAsync(
        SqliteConnection connection, string query, int top, IReadOnlyCollection<string> collections, IReadOnlyCollection<Guid>? documents, CancellationToken cancellationToken)
    {
        using var activity = SqliteStorageTelemetry.ActivitySource.StartActivity("sqlite.lexical_search");
        activity?.SetTag("chatrag.top", top);
        var clock = Stopwatch.StartNew();
        var languages = await LexicalLanguages.ReadAsync(connection, collections, cancellationToken).ConfigureAwait(false);

        // Chosen documents become the set of their chunk ids, which the MaxScore loop treats like the collection
        // filter: chunks outside it are never candidates, so the top-k is taken among the chosen documents.
        var chosenChunks = documents is null ? null : await LexicalDocuments.ChunkIdsAsync(connection, documents, cancellationToken).ConfigureAwait(false);

        // The same terms the FTS5 engine would quote, run through FTS5's own tokenizer as the index's were.
        var words = FtsQueryBuilder.SearchTerms(query, languages);
        if (words.Count == 0)
        {
            return AnalysedLexicalHits.None;
        }

        var terms = tokenizer.Tokenize([string.Join(' ', words)])[0].Terms;
        await CatchUpAsync(connection, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<LexicalHit> hits;
        var frequencies = new Dictionary<string, long>(words.Count, StringComparer.Ordinal);
        gate.EnterReadLock();
        try
        {
            hits = postings!.Search(terms, top, collections, chosenChunks);

            // Looked up as the words are, untokenized, as the re-scoring's fts5vocab look-up would (a word FTS5 would
            // have split or folded is no token there either): the same counts from the same index state as the hits.
            foreach (var word in words)
            {
                frequencies[word] = postings.DocumentFrequency(word);
            }
        }
        finally
        {
            gate.ExitReadLock();
        }

        SqliteStorageTelemetry.LexicalSearchDuration.Record(clock.Elapsed.TotalMilliseconds);
        activity?.SetTag("chatrag.hits", hits.Count);
        return new AnalysedLexicalHits(hits, words, frequencies);
    }

    private async Task CatchUpAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (postings is not null && await LatestChangeAsync(connection, cancellationToken).ConfigureAwait(false) <= Volatile.Read(ref appliedChange))
        {
            return;
        }

        await refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (postings is null)
            {
                await RebuildAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ApplyChangesAsync(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            refreshGate.Release();
        }

        // After catching up, so this copy never needs a rebuild because of its own process's trim; outside the gate,
        // because a trim waits for the write lock (up to the busy timeout) and other searches must not queue behind it.
        await LexicalChangeLog.TrimIfDueAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds the in-memory copy now (start-up), rather than on the first search.</summary>
    public override Task WarmUpAsync(CancellationToken cancellationToken = default) => CatchUpAsync(cancellationToken);

    /// <summary>Size of the in-memory index: live chunks, distinct terms, postings.</summary>
    public (int Chunks, int Terms, long Postings) Statistics()
    {
        gate.EnterReadLock();
        try
        {
            return postings is null ? (0, 0, 0) : (postings.Count, postings.TermCount, postings.PostingCount);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        tokenizer.Dispose();
        refreshGate.Dispose();
        gate.Dispose();
    }

    private void Swap(Bm25Postings fresh, long change)
    {
        gate.EnterWriteLock();
        try
        {
            postings = fresh;
            Volatile.Write(ref appliedChange, change);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lexical index loaded into memory: {Chunks} chunks, {Terms} terms, {Postings} postings in {Elapsed} ms.")]
    private partial void LogBuilt(int chunks, int terms, long postings, long elapsed);
}
