using ChatRag.Core.Embeddings;
using ChatRag.Embeddings.Onnx.Hosting;
using ChatRag.Embeddings.Onnx.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Embeddings.Onnx.Tests;

[Collection(BundledModelsCollection.Name)]
public sealed class ServiceRegistrationTests(BundledModelsFixture fixture)
{
    [Fact]
    public void Configuration_selects_the_models_and_the_catalog_serves_them()
    {
        using var provider = Build(new()
        {
            ["ChatRag:ModelsDirectory"] = fixture.ModelsDirectory,
            ["ChatRag:Encoder:Models:0"] = BundledEncoders.MiniLm,
            ["ChatRag:Encoder:Provider"] = "Cpu",
            ["ChatRag:Encoder:BatchSize"] = "8",
        });

        var options = provider.GetRequiredService<IOptions<OnnxEncoderOptions>>().Value;
        Assert.Equal(fixture.ModelsDirectory, options.ModelsDirectory);
        Assert.Equal([BundledEncoders.MiniLm], options.EffectiveModels);

        var catalog = provider.GetRequiredService<IEncoderCatalog>();
        var encoder = Assert.Single(catalog.Encoders);
        Assert.Equal(BundledEncoders.MiniLm, encoder.Space);
        Assert.Same(encoder.Generator, provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Same(encoder.Tokens, provider.GetRequiredService<ITokenCounter>());
    }

    [Fact]
    public void Defaults_to_arctic_xs()
    {
        Assert.Equal([BundledEncoders.ArcticXs], new OnnxEncoderOptions().EffectiveModels);
    }

    [Theory]
    [InlineData("ChatRag:Encoder:Models:0", "../outside")]
    [InlineData("ChatRag:Encoder:BatchSize", "0")]
    [InlineData("ChatRag:Encoder:MaxParallelism", "1000")]
    public void Invalid_options_fail_validation(string key, string value)
    {
        using var provider = Build(new() { [key] = value });
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OnnxEncoderOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddOnnxEncoders(configuration).BuildServiceProvider();
    }
}
