using ChatRag.Core.Indexing;
using ChatRag.VectorStore.Qdrant.Tests.Fakes;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant.Tests;

/// <summary>Retries, batching, back-pressure and health.</summary>
public sealed class QdrantVectorIndexResilienceTests
{
    private readonly InMemoryQdrantClient server = new();

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded)]
    [InlineData(StatusCode.ResourceExhausted)]
    public async Task Transient_errors_are_retried_until_the_call_succeeds(StatusCode status)
    {
        var index = await QdrantTestIndex.OpenAsync(server);
        server.FailNext(2, status);

        await index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(1, Guid.NewGuid(), "a", QdrantTestIndex.Unit(8, 1))]);

        Assert.Equal(3, server.Calls.Count(c => c == "upsert"));
        Assert.Equal(1, await index.CountAsync(QdrantTestIndex.Space));
    }

    [Fact]
    public async Task Searches_are_retried_too()
    {
        var index = await QdrantTestIndex.OpenAsync(server);
        await index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(1, Guid.NewGuid(), "a", QdrantTestIndex.Unit(8, 1))]);
        server.FailNext(1, StatusCode.Unavailable);

        var hits = await index.SearchAsync(QdrantTestIndex.Space, new VectorQuery(QdrantTestIndex.Unit(8, 1), 1, ["a"]));

        Assert.Equal(1, Assert.Single(hits).ChunkId);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_count()
    {
        var index = await QdrantTestIndex.OpenAsync(server, configure: o => o.RetryCount = 3);
        server.FailNext(10, StatusCode.Unavailable);

        var error = await Assert.ThrowsAsync<RpcException>(() => index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(1, Guid.NewGuid(), "a", QdrantTestIndex.Unit(8, 1))]));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(4, server.Calls.Count(c => c == "upsert"));
    }

    [Fact]
    public async Task Other_errors_are_not_retried()
    {
        var index = await QdrantTestIndex.OpenAsync(server);
        server.FailNext(1, StatusCode.InvalidArgument);

        await Assert.ThrowsAsync<RpcException>(() => index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(1, Guid.NewGuid(), "a", QdrantTestIndex.Unit(8, 1))]));

        Assert.Single(server.Calls, c => c == "upsert");
    }

    [Fact]
    public async Task A_wrong_vector_size_is_rejected_by_qdrant_and_not_retried()
    {
        var index = await QdrantTestIndex.OpenAsync(server);

        var error = await Assert.ThrowsAsync<RpcException>(() => index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(1, Guid.NewGuid(), "a", new float[5])]));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Single(server.Calls, c => c == "upsert");
    }

    [Fact]
    public async Task Upserts_are_split_into_batches_that_wait_for_qdrant()
    {
        var index = await QdrantTestIndex.OpenAsync(server, configure: o => o.UpsertBatchSize = 10);
        var records = Enumerable.Range(1, 35).Select(i => new VectorRecord(i, Guid.NewGuid(), "a", QdrantTestIndex.Unit(8, 1, i))).ToList();

        await index.UpsertAsync(QdrantTestIndex.Space, records);

        var upserts = server.RequestsOf<UpsertPoints>();
        Assert.Equal([5, 10, 10, 10], upserts.Select(u => u.Points.Count).Order());
        Assert.All(upserts, u => Assert.True(u.Wait));
        Assert.Equal(35, await index.CountAsync(QdrantTestIndex.Space));
    }

    [Fact]
    public async Task Concurrent_writers_never_have_more_upserts_in_flight_than_allowed()
    {
        var index = await QdrantTestIndex.OpenAsync(server, configure: o =>
        {
            o.UpsertBatchSize = 2;
            o.MaxConcurrentUpserts = 3;
        });
        // The first upserts wait until three are in flight together: the limit is reached whatever the scheduling.
        server.HoldUpsertsUntilInFlight(3, TimeSpan.FromSeconds(60));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(w => index.UpsertAsync(
            QdrantTestIndex.Space,
            Enumerable.Range(0, 30).Select(i => new VectorRecord((w * 1000) + i, Guid.NewGuid(), "a", QdrantTestIndex.Unit(8, 1, i))).ToList())));

        Assert.Equal(90, await index.CountAsync(QdrantTestIndex.Space));
        Assert.Equal(3, server.MaxUpsertsInFlight);
    }

    [Fact]
    public async Task Health_follows_the_server()
    {
        var index = QdrantTestIndex.Create(server);
        Assert.True(await index.IsHealthyAsync());

        server.Healthy = false;

        Assert.False(await index.IsHealthyAsync());
    }
}
