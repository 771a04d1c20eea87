using System.Diagnostics;
using ChatRag.Core.Documents;
using ChatRag.Core.Evaluation;
using ChatRag.Core.Indexing;
using ChatRag.Storage.Sqlite.Lexical.Postings;

namespace ChatRag.Storage.Sqlite.Benchmarks;

/// <summary>The cost of a re-scored search right after the lexical index changed, as during a long ingestion.</summary>
public static partial class LexicalSearchBenchmark
{
    /// <summary>Searches timed right after a change (at most; fewer when fewer queries are asked for).</summary>
    public const int AfterChangeSearches = 40;

    /// <summary>
    /// Before each query, adds a one-chunk document to the unsearched collection (or deletes the one added before), lets
    /// the in-memory engine catch up untimed, then times the re-scored search, and times it once more with no change in
    /// between: the difference is what the re-scoring pays for the change (collection statistics). The corpus is left as
    /// it was.
    /// </summary>
    private static async Task<(double ChangedP50, double ChangedP95, double SteadyP50, double SteadyP95)> TimeAfterChangeAsync(
        IDocumentRepository documents, MemoryLexicalIndex memory, ILexicalIndex rescored, IReadOnlyList<string> queries, int top, CancellationToken cancellationToken)
    {
        var changed = new List<double>(queries.Count);
        var steady = new List<double>(queries.Count);
        Guid? added = null;
        foreach (var query in queries)
        {
            if (added is { } id)
            {
                await documents.DeleteDocumentAsync(id, cancellationToken).ConfigureAwait(false);
                added = null;
            }
            else
            {
                added = Guid.NewGuid();
                await documents.AddDocumentAsync(new NewDocument(added.Value, "change.txt", "odd", $"change-{added}"), [new NewChunk(0, query)], cancellationToken).ConfigureAwait(false);
            }

            await memory.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            await rescored.SearchAsync(query, top, ["even"], cancellationToken: cancellationToken).ConfigureAwait(false);
            changed.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await rescored.SearchAsync(query, top, ["even"], cancellationToken: cancellationToken).ConfigureAwait(false);
            steady.Add(clock.Elapsed.TotalMilliseconds);
        }

        if (added is { } last)
        {
            await documents.DeleteDocumentAsync(last, cancellationToken).ConfigureAwait(false);
        }

        return (RetrievalMetrics.Percentile(changed, 50), RetrievalMetrics.Percentile(changed, 95), RetrievalMetrics.Percentile(steady, 50), RetrievalMetrics.Percentile(steady, 95));
    }
}
