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

    [Theory]
    [InlineData("The replica set for shard 0 on peer 1 has no active replica")]
    [InlineData("Failed to apply operation to at least `write_consistency_factor` replicas. Consistency of this update is not guaranteed. Please retry.")]
    public async Task Distributed_mode_internal_errors_are_retried(string detail)
    {
        var index = await QdrantTestIndex.OpenAsync(server);
        server.Inject(new InMemoryQdrantClient.Fault("upsert", StatusCode.Internal, "Service internal error: " + detail) { Times = 2 });

        await index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(1, document, "a", QdrantTestIndex.Unit(8, 1))]);

        Assert.Equal(3, server.Calls.Count(c => c == "upsert"));
        Assert.Equal(1, await index.CountAsync(QdrantTestIndex.Space));
    }

    [Fact]
    public async Task Other_internal_errors_such_as_a_full_disk_are_not_retried()
    {
        var index = await QdrantTestIndex.OpenAsync(server);
        server.Inject(new InMemoryQdrantClient.Fault("upsert", StatusCode.Internal, "Service internal error: No space left on device: WAL buffer size exceeds available disk space"));

        await Assert.ThrowsAsync<RpcException>(() => index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(1, document, "a", QdrantTestIndex.Unit(8, 1))]));

        Assert.Single(server.Calls, c => c == "upsert");
    }

    [Fact]
    public async Task Resource_exhausted_for_insufficient_storage_is_not_retried()
    {
        var index = await QdrantTestIndex.OpenAsync(server);
        server.Inject(new InMemoryQdrantClient.Fault("upsert", StatusCode.ResourceExhausted, "Insufficient storage: disk usage limit reached")
        {
            Trailers = new Metadata { { "qdrant-insufficient-storage", "1" } },
        });

        var error = await Assert.ThrowsAsync<RpcException>(() => index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(1, document, "a", QdrantTestIndex.Unit(8, 1))]));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Single(server.Calls, c => c == "upsert");
    }

    [Fact]
    public async Task A_rate_limit_is_retried_no_sooner_than_the_servers_retry_after()
    {
        var clock = new RecordingTimeProvider();
        var index = new QdrantVectorIndex(server, Microsoft.Extensions.Options.Options.Create(new QdrantOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(1) }), clock);
        await index.EnsureSpaceAsync(new VectorSpace(QdrantTestIndex.Space, 8));
        server.Inject(new InMemoryQdrantClient.Fault("upsert", StatusCode.ResourceExhausted, "Rate limiting exceeded: Write rate limit exceeded")
        {
            Trailers = new Metadata { { "retry-after", "3" } },
        });

        await index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(1, document, "a", QdrantTestIndex.Unit(8, 1))]);

        Assert.Equal(TimeSpan.FromSeconds(3), Assert.Single(clock.Delays));
        Assert.Equal(1, await index.CountAsync(QdrantTestIndex.Space));
    }

    [Fact]
    public async Task A_collection_whose_creation_timed_out_in_consensus_but_appears_later_is_adopted()
    {
        var name = "chatrag_" + QdrantTestIndex.Space;
        server.Inject(new InMemoryQdrantClient.Fault("create_collection", StatusCode.Internal, "Service internal error: Waiting for consensus operation commit failed. Timeout set at: 10 seconds")
        {
            AfterApply = true,
            Times = 5,
        });
        server.HideCollection(name, 2);
        var index = QdrantTestIndex.Create(server);

        await index.EnsureSpaceAsync(new VectorSpace(QdrantTestIndex.Space, 8));
        await index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(1, document, "a", QdrantTestIndex.Unit(8, 1))]);

        Assert.Equal(1, await index.CountAsync(QdrantTestIndex.Space));
        Assert.True(server.PayloadSchema(name).ContainsKey(QdrantSchema.CollectionField));
    }

    [Fact]
    public async Task Writes_applied_before_a_timeout_are_retried_without_changing_the_result()
    {
        server.Inject(new InMemoryQdrantClient.Fault("create_payload_index", StatusCode.DeadlineExceeded, "Deadline Exceeded") { AfterApply = true });
        var index = await QdrantTestIndex.OpenAsync(server);
        server.Inject(new InMemoryQdrantClient.Fault("upsert", StatusCode.DeadlineExceeded, "Timeout: operation timed out") { AfterApply = true });
        server.Inject(new InMemoryQdrantClient.Fault("delete", StatusCode.DeadlineExceeded, "Timeout: operation timed out") { AfterApply = true });
        var kept = Guid.NewGuid();

        await index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(1, document, "a", QdrantTestIndex.Unit(8, 1), "first"), new VectorRecord(2, kept, "a", QdrantTestIndex.Unit(8, 0, 1))]);
        await index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(1, document, "a", QdrantTestIndex.Unit(8, 1), "second")]);
        await index.DeleteDocumentAsync(document);

        Assert.Equal(1, await index.CountAsync(QdrantTestIndex.Space));
        Assert.NotNull(server.Point(index.CollectionName(QdrantTestIndex.Space), 2));
        Assert.Equal(2, server.Calls.Count(c => c == "delete"));
    }

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

    /// <summary>Records the delays the adapter asks for and lets them elapse at once.</summary>
    private sealed class RecordingTimeProvider : TimeProvider
    {
        private readonly List<TimeSpan> delays = [];

        public IReadOnlyList<TimeSpan> Delays { get { lock (delays) { return [.. delays]; } } }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (delays)
            {
                delays.Add(dueTime);
            }

            return base.CreateTimer(callback, state, TimeSpan.Zero, period);
        }
    }
}
