using ChatRag.Core.Evaluation;

namespace ChatRag.Core.Tests.Evaluation;

public sealed class RetrievalMetricsTests
{
    private static readonly Dictionary<string, int> Judged = new() { ["a"] = 1, ["b"] = 2, ["z"] = 0 };

    [Fact]
    public void Ndcg_is_one_for_the_ideal_ranking_and_matches_hand_computation_otherwise()
    {
        Assert.Equal(1.0, RetrievalMetrics.Ndcg(["b", "a"], Judged, 10), 12);

        // DCG = 1/log2(2) + 2/log2(4) = 2; IDCG = 2/log2(2) + 1/log2(3).
        var expected = 2.0 / (2.0 + (1.0 / Math.Log2(3)));
        Assert.Equal(expected, RetrievalMetrics.Ndcg(["a", "x", "b"], Judged, 10), 12);
    }

    [Fact]
    public void Ndcg_cuts_at_k_and_ignores_zero_grades()
    {
        Assert.Equal(0, RetrievalMetrics.Ndcg(["z", "x", "a"], Judged, 2));
    }

    [Fact]
    public void Recall_and_reciprocal_rank()
    {
        Assert.Equal(0.5, RetrievalMetrics.Recall(["x", "a", "q"], Judged, 10));
        Assert.Equal(0.0, RetrievalMetrics.Recall(["x", "a"], Judged, 1));
        Assert.Equal(1.0 / 3, RetrievalMetrics.ReciprocalRank(["x", "z", "b"], Judged, 10), 12);
        Assert.Equal(0, RetrievalMetrics.ReciprocalRank(["x", "z", "b"], Judged, 2));
    }

    [Fact]
    public void Percentiles_interpolate()
    {
        double[] values = [4, 1, 3, 2];
        Assert.Equal(2.5, RetrievalMetrics.Percentile(values, 50), 12);
        Assert.Equal(3.85, RetrievalMetrics.Percentile(values, 95), 12);
        Assert.Equal(0, RetrievalMetrics.Percentile([], 50));
    }

    [Fact]
    public void Split_halves_are_disjoint_and_cover_all()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var tune = ids.Where(i => QuerySplit.Contains(QuerySplit.Tune, i)).ToHashSet();
        var held = ids.Where(i => QuerySplit.Contains(QuerySplit.HeldOut, i)).ToHashSet();

        Assert.Empty(tune.Intersect(held));
        Assert.Equal(1000, tune.Count + held.Count);
        Assert.InRange(held.Count, 400, 600);
    }
}
