using ChatRag.Core.Indexing;
using ChatRag.VectorStore.Qdrant.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.VectorStore.Qdrant.Tests;

public sealed class QdrantServiceCollectionExtensionsTests
{
    [Fact]
    public void Registers_one_index_as_vector_and_hybrid_index_bound_to_the_section()
    {
        using var services = Build(new()
        {
            ["ChatRag:Qdrant:Url"] = "https://qdrant.internal:6334",
            ["ChatRag:Qdrant:ApiKey"] = "secret",
            ["ChatRag:Qdrant:CollectionPrefix"] = "prod_",
            ["ChatRag:Qdrant:ReplicationFactor"] = "2",
        });

        var index = Assert.IsType<QdrantVectorIndex>(services.GetRequiredService<IVectorIndex>());
        Assert.Same(index, services.GetRequiredService<IHybridVectorIndex>());
        Assert.Equal("prod_minilm", index.CollectionName("minilm"));
        Assert.Equal(2, services.GetRequiredService<IOptions<QdrantOptions>>().Value.ReplicationFactor);
    }

    [Theory]
    [InlineData("ChatRag:Qdrant:Url", "not a url")]
    [InlineData("ChatRag:Qdrant:Url", "http://qdrant:6333")]
    [InlineData("ChatRag:Qdrant:CollectionPrefix", "bad prefix!")]
    [InlineData("ChatRag:Qdrant:CollectionPrefix", "")] // an empty prefix would make every collection of the cluster look like ours
    [InlineData("ChatRag:Qdrant:WriteConsistencyFactor", "3")]
    [InlineData("ChatRag:Qdrant:UpsertBatchSize", "0")]
    [InlineData("ChatRag:Qdrant:HnswM", "0")] // no global graph and no per-tenant graphs: every search a full scan
    public void Invalid_settings_fail_validation(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<QdrantOptions>>().Value);
    }

    [Fact]
    public void The_multitenancy_layout_without_a_global_graph_is_accepted()
    {
        using var services = Build(new() { ["ChatRag:Qdrant:HnswM"] = "0", ["ChatRag:Qdrant:HnswPayloadM"] = "16" });

        Assert.Equal(0, services.GetRequiredService<IOptions<QdrantOptions>>().Value.HnswM);
    }

    [Fact]
    public void Tls_switch_forces_https()
    {
        var options = new QdrantOptions { Url = "http://qdrant:6334", UseTls = true };

        Assert.Equal("https://qdrant:6334/", options.EffectiveUri().ToString());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IQdrantClient>(new InMemoryQdrantClient()); // no network in unit tests
        services.AddQdrantVectorIndex(configuration);
        return services.BuildServiceProvider();
    }
}
