using ChatRag.Core.Indexing;
using ChatRag.TestKit.Fakes;
using ChatRag.TestKit.VectorIndex;

namespace ChatRag.VectorStore.Embedded.Tests;

// Runs the suite against the reference fake too, so a failing suite is told apart from a failing index.
public sealed class BruteForceConformanceTests : VectorIndexConformanceTests
{
    /// <summary>The reference fake lives in memory: there is nothing to reopen, so the case is reported as skipped.</summary>
    [Fact(Skip = "The brute-force reference index lives in memory: it has nothing to reopen.")]
    public override Task Data_survives_dispose_and_reopen_over_the_same_directory() => Task.CompletedTask;

    protected override Task<IVectorIndex> CreateIndexAsync(string dataDirectory) => Task.FromResult<IVectorIndex>(new BruteForceVectorIndex());
}
