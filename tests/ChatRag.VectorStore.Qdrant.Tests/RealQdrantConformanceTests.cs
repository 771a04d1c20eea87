using System.Security.Cryptography;
using System.Text;
using ChatRag.Core.Indexing;
using ChatRag.TestKit.VectorIndex;
using Microsoft.Extensions.Options;
using Qdrant.Client;

namespace ChatRag.VectorStore.Qdrant.Tests;

/// <summary>
/// The shared conformance suite against a real Qdrant (env <c>CHATRAG_QDRANT_URL</c>), one theory case per suite test.
/// The suite's own [Fact]s cannot be skipped from a derived class, so they run here through a private subclass that
/// xunit does not discover; each case uses its own collection prefix and removes its collections afterwards.
/// </summary>
[Trait("Category", "Qdrant")]
public sealed class RealQdrantConformanceTests
{
    /// <summary>Names of the suite's tests.</summary>
    public static TheoryData<string> SuiteTests => RealQdrantTheoryAttribute.Cases(typeof(VectorIndexConformanceTests));

    [RealQdrantTheory(typeof(VectorIndexConformanceTests))]
    [MemberData(nameof(SuiteTests))]
    public async Task Conformance_suite_passes_against_a_real_Qdrant(string test)
    {
        var suite = new Suite(RealQdrantTheoryAttribute.Url!);
        await suite.InitializeAsync();
        try
        {
            await (Task)typeof(VectorIndexConformanceTests).GetMethod(test)!.Invoke(suite, null)!;
        }
        finally
        {
            await suite.DisposeAsync();
            await suite.DropCollectionsAsync();
        }
    }

    private sealed class Suite(string url) : VectorIndexConformanceTests
    {
        private readonly Dictionary<IVectorIndex, QdrantClientForwarder> clients = [];

        private QdrantOptions Options => new()
        {
            Url = url,
            ApiKey = Environment.GetEnvironmentVariable("CHATRAG_QDRANT_API_KEY"),
            CollectionPrefix = "chatrag_it_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DataDirectory)))[..12] + "_",
            ExactSearch = true, // The suite compares with brute force; HNSW is approximate by design.
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        };

        public async Task DropCollectionsAsync()
        {
            var options = Options;
            using var client = new QdrantClient(options.EffectiveUri(), options.ApiKey);
            foreach (var name in (await client.ListCollectionsAsync()).Where(n => n.StartsWith(options.CollectionPrefix, StringComparison.Ordinal)))
            {
                await client.DeleteCollectionAsync(name);
            }
        }

        protected override Task<IVectorIndex> CreateIndexAsync(string dataDirectory)
        {
            var options = Options;
            var client = new QdrantClientForwarder(options);
            var index = new QdrantVectorIndex(client, Microsoft.Extensions.Options.Options.Create(options));
            clients[index] = client;
            return Task.FromResult<IVectorIndex>(index);
        }

        protected override async Task DisposeIndexAsync(IVectorIndex index)
        {
            await base.DisposeIndexAsync(index);
            if (clients.Remove(index, out var client))
            {
                client.Dispose(); // the gRPC channel of this index only: a reopened index has its own
            }
        }
    }
}
