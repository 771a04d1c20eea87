using System.Diagnostics;

namespace ChatRag.Core.Retrieval.Reranking;

/// <summary>
/// Rescores the best fused candidates with a cross-encoder and orders them by its score. Over the latency budget the
/// fused order stands and the outcome says why; the results then carry no rerank score.
/// </summary>
/// <param name="reranker">The cross-encoder; null when reranking is off (or its folder could not be loaded).</param>
/// <param name="budget">Time allowed per search.</param>
/// <param name="candidates">How many fused candidates to rescore.</param>
public sealed class RerankStage(IReranker? reranker, IRerankBudget budget, int candidates = 30)
{
    /// <summary>Whether a reranker is loaded.</summary>
    public bool IsActive => reranker is not null;

    /// <summary>How many fused candidates to rescore.</summary>
    public int Candidates { get; } = candidates;

    /// <summary>Reorders <paramref name="fused"/> (best first) and keeps <paramref name="top"/>.</summary>
    public async Task<(IReadOnlyList<RetrievedChunk> Results, RerankOutcome? Outcome)> ApplyAsync(
        string query, IReadOnlyList<RetrievedChunk> fused, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fused);
        var numbered = fused.Select((r, i) => r with { FusedRank = i + 1 }).ToList();
        if (reranker is null || numbered.Count == 0)
        {
            return ([.. numbered.Take(top)], null);
        }

        var clock = Stopwatch.StartNew();
        var pool = numbered.Take(Candidates).ToList();
        var scores = await reranker.ScoreAsync(query, [.. pool.Select(r => r.Chunk.Text)], budget.Start(), cancellationToken).ConfigureAwait(false);
        if (scores is null)
        {
            var reason = $"over the {budget.Milliseconds:0} ms reranking budget: fused order kept";
            return ([.. numbered.Take(top)], new RerankOutcome(reranker.Name, pool.Count, false, reason, clock.Elapsed.TotalMilliseconds));
        }

        // Ties keep the fused order, so equal scores never shuffle results between runs.
        var reranked = pool
            .Select((r, i) => r with { RerankScore = scores[i] })
            .OrderByDescending(r => r.RerankScore)
            .ThenBy(r => r.FusedRank)
            .Concat(numbered.Skip(pool.Count))
            .Take(top)
            .ToList();
        return (reranked, new RerankOutcome(reranker.Name, pool.Count, true, null, clock.Elapsed.TotalMilliseconds));
    }
}
