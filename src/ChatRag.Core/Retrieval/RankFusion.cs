namespace ChatRag.Core.Retrieval;

/// <summary>
/// Weighted reciprocal rank fusion (Cormack et al. 2009): each signal adds weight / (k + rank).
/// Ranks are robust where raw scores are not comparable (BM25 is unbounded, cosine is not).
/// </summary>
public static class RankFusion
{
    /// <summary>One ranked list to fuse.</summary>
    /// <param name="Name">Signal name, kept in the per-hit ranks for traces.</param>
    /// <param name="Weight">Relative weight of this signal.</param>
    /// <param name="RankedIds">Chunk ids, best first.</param>
    public sealed record Signal(string Name, double Weight, IReadOnlyList<long> RankedIds);

    /// <summary>A fused result.</summary>
    public sealed record Fused(long ChunkId, double Score, IReadOnlyDictionary<string, int> Ranks);

    /// <summary>Fuses the signals and returns the best <paramref name="top"/> ids, ties broken by best single rank, then id.</summary>
    public static IReadOnlyList<Fused> Fuse(IReadOnlyList<Signal> signals, int k, int top)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 0);
        var scores = new Dictionary<long, (double Score, int BestRank, Dictionary<string, int> Ranks)>();
        foreach (var signal in signals)
        {
            for (var i = 0; i < signal.RankedIds.Count; i++)
            {
                var id = signal.RankedIds[i];
                var rank = i + 1;
                if (!scores.TryGetValue(id, out var entry))
                {
                    entry = (0, int.MaxValue, new Dictionary<string, int>(StringComparer.Ordinal));
                }

                if (entry.Ranks.ContainsKey(signal.Name))
                {
                    continue; // A signal that repeats an id counts it once, at its best rank.
                }

                entry.Ranks[signal.Name] = rank;
                scores[id] = (entry.Score + (signal.Weight / (k + rank)), Math.Min(entry.BestRank, rank), entry.Ranks);
            }
        }

        return scores
            .OrderByDescending(p => p.Value.Score)
            .ThenBy(p => p.Value.BestRank)
            .ThenBy(p => p.Key)
            .Take(top)
            .Select(p => new Fused(p.Key, p.Value.Score, p.Value.Ranks))
            .ToList();
    }
}
