using ChatRag.VectorStore.Embedded.Search;

namespace ChatRag.VectorStore.Embedded.Tests;

public sealed class TopKTests
{
    [Fact]
    public void Keeps_the_best_k_in_score_order_with_ties_by_chunk_id()
    {
        var top = new TopK(4);
        var random = new Random(1);
        var offered = Enumerable.Range(0, 500).Select(i => (Score: (float)Math.Round(random.NextDouble(), 1), Id: (long)i)).ToList();
        foreach (var (score, id) in offered)
        {
            top.Offer(score, id);
        }

        var expected = offered.OrderByDescending(o => o.Score).ThenBy(o => o.Id).Take(4).Select(o => o.Id);
        Assert.Equal(expected, top.ToSortedList().Select(h => h.ChunkId));
    }

    [Fact]
    public void Merging_heaps_equals_offering_everything_to_one()
    {
        var a = new TopK(3);
        var b = new TopK(3);
        var all = new TopK(3);
        for (var i = 0; i < 40; i++)
        {
            var score = (i * 37 % 11) / 10f;
            (i % 2 == 0 ? a : b).Offer(score, i);
            all.Offer(score, i);
        }

        a.Merge(b);

        Assert.Equal(all.ToSortedList(), a.ToSortedList());
    }

    [Fact]
    public void Zero_k_keeps_nothing()
    {
        var top = new TopK(0);
        top.Offer(1, 1);

        Assert.Empty(top.ToSortedList());
    }
}
