using ChatRag.Core.Indexing;
using ChatRag.VectorStore.Qdrant.Tests.Fakes;
using Grpc.Core;

namespace ChatRag.VectorStore.Qdrant.Tests;

/// <summary>
/// Faults a Qdrant cluster produces, with the statuses and messages of Qdrant's source (v1.19+). A real server cannot be
/// made to produce them on demand, so these run against the in-memory Qdrant only.
/// </summary>
public sealed class QdrantClusterFaultTests
{
    private readonly InMemoryQdrantClient server = new();
    private readonly Guid document = Guid.NewGuid();

    [Fact]
    public async Task A_failing_collection_does_not_keep_the_document_in_the_others()
    {
        var index = await QdrantTestIndex.OpenAsync(server, configure: o => o.RetryCount = 0);
        await index.EnsureSpaceAsync(new VectorSpace("second", 8));
        await index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(1, document, "a", QdrantTestIndex.Unit(8, 1))]);
        await index.UpsertAsync("second", [new VectorRecord(1, document, "a", QdrantTestIndex.Unit(8, 1))]);
        var first = new[] { index.CollectionName(QdrantTestIndex.Space), index.CollectionName("second") }.Order(StringComparer.Ordinal).First();
        server.Inject(new InMemoryQdrantClient.Fault("delete", StatusCode.InvalidArgument, "Bad request") { Collection = first });

        await Assert.ThrowsAsync<RpcException>(() => index.DeleteDocumentAsync(document));

        var other = first == index.CollectionName("second") ? QdrantTestIndex.Space : "second";
        Assert.Equal(0, await index.CountAsync(other));
    }
}
