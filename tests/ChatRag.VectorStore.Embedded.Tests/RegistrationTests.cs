using ChatRag.Core.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.VectorStore.Embedded.Tests;

public sealed class RegistrationTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task AddEmbeddedVectorIndex_takes_the_data_directory_from_ChatRag_DataDirectory()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatRag:DataDirectory"] = directory.Path,
            ["ChatRag:VectorIndex:AnnThreshold"] = "5000",
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddEmbeddedVectorIndex(configuration).BuildServiceProvider();

        var index = provider.GetRequiredService<IVectorIndex>();
        await index.EnsureSpaceAsync(new VectorSpace("space", 4));

        Assert.IsType<EmbeddedVectorIndex>(index);
        Assert.Same(index, provider.GetRequiredService<EmbeddedVectorIndex>());
        Assert.Equal(5000, provider.GetRequiredService<IOptions<EmbeddedVectorIndexOptions>>().Value.AnnThreshold);
        Assert.True(File.Exists(Path.Combine(directory.Path, "vectors", "space", "space.json")));
        Assert.True(await index.IsHealthyAsync());
    }

    [Fact]
    public void Invalid_options_fail_validation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatRag:DataDirectory"] = directory.Path,
            ["ChatRag:VectorIndex:Connectivity"] = "1",
        }).Build();
        using var provider = new ServiceCollection().AddEmbeddedVectorIndex(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmbeddedVectorIndexOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains("Connectivity", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_quantization_is_refused_naming_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatRag:DataDirectory"] = directory.Path,
            ["ChatRag:VectorIndex:AnnQuantization"] = "F64",
        }).Build();
        using var provider = new ServiceCollection().AddEmbeddedVectorIndex(configuration).BuildServiceProvider();

        // The binder refuses a name the enum does not have, before validation runs.
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<EmbeddedVectorIndexOptions>>().Value);
        Assert.Contains("AnnQuantization", error.Message, StringComparison.Ordinal);
    }
}
