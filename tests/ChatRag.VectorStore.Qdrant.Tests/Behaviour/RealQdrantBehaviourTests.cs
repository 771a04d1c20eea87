using Qdrant.Client;

namespace ChatRag.VectorStore.Qdrant.Tests.Behaviour;

/// <summary>
/// The behaviour suite against a real Qdrant (env <c>CHATRAG_QDRANT_URL</c>), one theory case per suite test, run through a
/// private subclass xunit does not discover (as <see cref="RealQdrantConformanceTests"/> does); each case has its own prefix
/// and drops its collections afterwards.
/// </summary>
[Trait("Category", "Qdrant")]
public sealed class RealQdrantBehaviourTests
{
    /// <summary>Names of the suite's tests.</summary>
    public static TheoryData<string> SuiteTests => RealQdrantTheoryAttribute.Cases(typeof(QdrantBehaviourTests));

    [RealQdrantTheory(typeof(QdrantBehaviourTests))]
    [MemberData(nameof(SuiteTests))]
    public async Task Behaviour_suite_passes_against_a_real_Qdrant(string test)
    {
        var suite = new Suite(RealQdrantTheoryAttribute.Url!);
        await suite.InitializeAsync();
        try
        {
            await (Task)typeof(QdrantBehaviourTests).GetMethod(test)!.Invoke(suite, null)!;
        }
        finally
        {
            await suite.DisposeAsync();
        }
    }

    private sealed class Suite(string url) : QdrantBehaviourTests
    {
        private readonly QdrantClientForwarder client = new(Options(url));
        private readonly string prefix = "chatrag_it_" + Guid.NewGuid().ToString("N")[..12] + "_";

        protected override IQdrantClient Server => client;

        protected override string Prefix => prefix;

        protected override QdrantOptions BaseOptions() => Options(url);

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            var options = Options(url);
            using var admin = new QdrantClient(options.EffectiveUri(), options.ApiKey);
            foreach (var name in (await admin.ListCollectionsAsync()).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            {
                await admin.DeleteCollectionAsync(name);
            }

            client.Dispose();
        }

        private static QdrantOptions Options(string url) => new()
        {
            Url = url,
            ApiKey = Environment.GetEnvironmentVariable("CHATRAG_QDRANT_API_KEY"),
            ExactSearch = true, // exact dense ranks, so the expected fusion is known
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        };
    }
}
