using System.Reflection;
using Qdrant.Client;
using Xunit.Abstractions;

namespace ChatRag.VectorStore.Qdrant.Tests.Behaviour;

/// <summary>
/// The behaviour suite against a real Qdrant (env <c>CHATRAG_QDRANT_URL</c>), one theory case per suite test, run through a
/// private subclass xunit does not discover (as <see cref="RealQdrantConformanceTests"/> does); each case has its own prefix
/// and drops its collections afterwards.
/// </summary>
[Trait("Category", "Qdrant")]
public sealed class RealQdrantBehaviourTests(ITestOutputHelper output)
{
    /// <summary>Names of the suite's tests.</summary>
    public static TheoryData<string> SuiteTests => [.. typeof(QdrantBehaviourTests)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(m => m.GetCustomAttribute<FactAttribute>() is not null)
        .Select(m => m.Name)
        .Order(StringComparer.Ordinal)];

    [Fact]
    public void Says_whether_the_real_Qdrant_behaviour_suite_runs()
    {
        var line = RealQdrantTheoryAttribute.Url is { Length: > 0 } url
            ? $"Real Qdrant behaviour suite runs against {url}."
            : $"Real Qdrant behaviour suite SKIPPED: {RealQdrantTheoryAttribute.Variable} is not set.";
        output.WriteLine(line);
        Assert.NotEmpty(SuiteTests);
    }

    [RealQdrantTheory]
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
