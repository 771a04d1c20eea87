using ChatRag.Core.Indexing;
using ChatRag.TestKit.VectorIndex;

namespace ChatRag.VectorStore.Embedded.Tests;

public sealed class EmbeddedConformanceTests : VectorIndexConformanceTests
{
    protected override Task<IVectorIndex> CreateIndexAsync(string dataDirectory) =>
        Task.FromResult<IVectorIndex>(EmbeddedVectorIndex.Create(new EmbeddedVectorIndexOptions { DataDirectory = dataDirectory, DurableWrites = false }));
}

// The same suite with every partition above the ANN threshold, so graph search, updates and persistence are held to the same contract.
public sealed class EmbeddedAnnConformanceTests : VectorIndexConformanceTests
{
    protected override Task<IVectorIndex> CreateIndexAsync(string dataDirectory) =>
        Task.FromResult<IVectorIndex>(EmbeddedVectorIndex.Create(new EmbeddedVectorIndexOptions
        {
            DataDirectory = dataDirectory,
            DurableWrites = false,
            AnnThreshold = 1,
            ExpansionSearch = 400,
            Oversampling = 4,
        }));
}
