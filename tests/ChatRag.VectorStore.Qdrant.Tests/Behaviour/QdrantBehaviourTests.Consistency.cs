using ChatRag.Core.Indexing;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant.Tests.Behaviour;

/// <summary>Acknowledged writes are visible to the next search, with every ordering and read consistency the options allow.</summary>
public abstract partial class QdrantBehaviourTests
{
    [Fact]
    public async Task A_search_right_after_an_acknowledged_write_or_delete_sees_it_with_strong_ordering_and_all_reads()
    {
        var index = await OpenAsync(o =>
        {
            o.WriteOrdering = WriteOrderingType.Strong;
            o.ReadConsistency = ReadConsistencyType.All;
        });
        var document = Guid.NewGuid();

        await index.UpsertAsync(Space, [new VectorRecord(1, document, "a", Unit(1), "fresh words")]);
        var afterWrite = await index.SearchHybridAsync(Space, Query(5, "a"), "fresh");
        await index.DeleteDocumentAsync(document);
        var afterDelete = await index.SearchAsync(Space, Query(5, "a"));

        Assert.Equal(1, Assert.Single(afterWrite).ChunkId);
        Assert.Empty(afterDelete);
    }

    [Fact]
    public async Task Majority_reads_and_medium_ordering_are_accepted_by_the_server()
    {
        var index = await OpenAsync(o => o.ReadConsistency = ReadConsistencyType.Majority);

        await index.UpsertAsync(Space, [new VectorRecord(1, Guid.NewGuid(), "a", Unit(1))]);

        Assert.Equal(1, Assert.Single(await index.SearchAsync(Space, Query(5, "a"))).ChunkId);
    }
}
