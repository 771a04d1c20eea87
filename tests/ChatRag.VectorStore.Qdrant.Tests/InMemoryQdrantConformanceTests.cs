using ChatRag.Core.Indexing;
using ChatRag.TestKit.VectorIndex;
using ChatRag.VectorStore.Qdrant.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace ChatRag.VectorStore.Qdrant.Tests;

/// <summary>
/// The shared vector index suite against the Qdrant adapter over the in-memory Qdrant. One in-memory server per test
/// stands for the Qdrant behind the data directory, so "restart" reopens the adapter over the same server.
/// </summary>
public sealed class InMemoryQdrantConformanceTests : VectorIndexConformanceTests
{
    private readonly InMemoryQdrantClient server = new();

    protected override Task<IVectorIndex> CreateIndexAsync(string dataDirectory) =>
        Task.FromResult<IVectorIndex>(new QdrantVectorIndex(server, Options.Create(new QdrantOptions
        {
            // Small batches so the conformance data goes through the batching and back-pressure path.
            UpsertBatchSize = 16,
            MaxConcurrentUpserts = 2,
            RetryBaseDelay = TimeSpan.Zero,
        })));
}
