using ChatRag.Core.Retrieval;

namespace ChatRag.Core.Tests.Retrieval;

public sealed class RankFusionTests
{
    [Fact]
    public void Item_ranked_well_by_both_signals_beats_item_first_in_one()
    {
        var fused = RankFusion.Fuse(
            [
                new RankFusion.Signal("bm25", 1, [1, 2, 3]),
                new RankFusion.Signal("dense", 1, [4, 2, 3]),
            ],
            k: 60,
            top: 10);

        Assert.Equal(2, fused[0].ChunkId);
        Assert.Equal(new Dictionary<string, int> { ["bm25"] = 2, ["dense"] = 2 }, fused[0].Ranks);
        Assert.Equal(4, fused.Count);
    }

    [Fact]
    public void Score_is_weighted_sum_of_reciprocal_ranks()
    {
        var fused = RankFusion.Fuse(
            [
                new RankFusion.Signal("a", 2, [7]),
                new RankFusion.Signal("b", 0.5, [8, 7]),
            ],
            k: 10,
            top: 10);

        var seven = fused.Single(f => f.ChunkId == 7);
        Assert.Equal((2.0 / 11) + (0.5 / 12), seven.Score, 12);
    }

    [Fact]
    public void Weight_decides_between_disagreeing_signals()
    {
        Assert.Equal(1, RankFusion.Fuse([new("a", 2, [1, 2]), new("b", 1, [2, 1])], 60, 1)[0].ChunkId);
        Assert.Equal(2, RankFusion.Fuse([new("a", 1, [1, 2]), new("b", 2, [2, 1])], 60, 1)[0].ChunkId);
    }

    [Fact]
    public void Ties_break_by_best_rank_then_id_and_top_limits()
    {
        var fused = RankFusion.Fuse([new("a", 1, [5, 3]), new("b", 1, [3, 5])], 60, 1);
        Assert.Single(fused);
        Assert.Equal(3, fused[0].ChunkId);
    }

    [Fact]
    public void Duplicate_ids_in_one_signal_count_once()
    {
        var fused = RankFusion.Fuse([new("a", 1, [1, 1, 2])], 60, 10);
        Assert.Equal(1.0 / 61, fused.Single(f => f.ChunkId == 1).Score, 12);
    }

    [Fact]
    public void Single_signal_keeps_its_order()
    {
        var fused = RankFusion.Fuse([new("a", 1, [9, 4, 7, 1])], 60, 10);
        Assert.Equal([9L, 4, 7, 1], fused.Select(f => f.ChunkId));
    }
}
