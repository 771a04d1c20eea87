using ChatRag.Core.Indexing;

namespace ChatRag.VectorStore.Qdrant.Tests.Behaviour;

/// <summary>Keyword search in text written without spaces.</summary>
public abstract partial class QdrantBehaviourTests
{
    [Fact]
    public async Task A_chinese_keyword_inside_a_sentence_lifts_its_chunk_in_hybrid_search()
    {
        // Dense ranks 1, 3, 2 and hands only two candidates to the fusion; only the keyword can bring 2 into the top two.
        var index = await OpenAsync(o => o.HybridPrefetchLimit = 2);
        var document = Guid.NewGuid();
        await index.UpsertAsync(Space,
        [
            new VectorRecord(1, document, "a", Unit(1), "今天天气很好"),
            new VectorRecord(2, document, "a", Unit(0, 1), "我们使用向量数据库存储嵌入"),
            new VectorRecord(3, document, "a", Unit(1, 0.5f), "明天会下雨"),
        ]);

        var hits = await index.SearchHybridAsync(Space, Query(2, "a"), "数据库");

        Assert.Equal([1L, 2], hits.Select(h => h.ChunkId)); // both at position 0 of one list: a tie, broken by chunk id
        Assert.Equal(hits[0].Score, hits[1].Score);
    }
}
