using ChatRag.Core.Indexing;
using ChatRag.TestKit.Fakes;
using ChatRag.TestKit.VectorIndex;

namespace ChatRag.VectorStore.Embedded.Tests;

// Runs the suite against the reference fake too, so a failing suite is told apart from a failing index.
public sealed class BruteForceConformanceTests : VectorIndexConformanceTests
{
    protected override bool SupportsPersistence => false;

    protected override Task<IVectorIndex> CreateIndexAsync(string dataDirectory) => Task.FromResult<IVectorIndex>(new BruteForceVectorIndex());
}
