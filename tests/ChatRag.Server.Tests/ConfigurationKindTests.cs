using ChatRag.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Tests;

/// <summary>The stringly typed choices are enums: names bind case-insensitively, anything else stops the start with the key named.</summary>
public sealed class ConfigurationKindTests
{
    [Theory]
    [InlineData("qdrant", VectorStoreKind.Qdrant)]
    [InlineData("Embedded", VectorStoreKind.Embedded)]
    [InlineData(null, VectorStoreKind.Embedded)]
    public void Vector_store_binds_as_an_enum(string? value, VectorStoreKind expected)
    {
        using var provider = new ServiceCollection().AddChatRag(Configuration("ChatRag:VectorStore", value)).BuildServiceProvider();

        Assert.Equal(expected, provider.GetRequiredService<IOptions<ChatRagOptions>>().Value.VectorStore);
    }

    [Theory]
    [InlineData("Pinecone")]
    [InlineData("1")]
    public void An_unknown_vector_store_fails_naming_the_key(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddChatRag(Configuration("ChatRag:VectorStore", value)));

        Assert.Contains("ChatRag:VectorStore", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Llama")]
    [InlineData("2")]
    public void An_unknown_decoder_kind_fails_naming_the_key(string value)
    {
        var configuration = Configuration(ChatRagChatServiceCollectionExtensions.DecoderKindKey, value);

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddChatRag(configuration).AddChatRagChat(configuration));

        Assert.Contains("ChatRag:Decoder:Kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decoder_kind_none_answers_extractively_even_with_an_endpoint()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ChatRagChatServiceCollectionExtensions.DecoderKindKey] = "none",
            ["ChatRag:Decoder:Endpoint"] = "http://127.0.0.1:9/v1",
        }).Build();

        var services = new ServiceCollection().AddChatRag(configuration).AddChatRagChat(configuration);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(Microsoft.Extensions.AI.IChatClient));
    }

    private static IConfiguration Configuration(string key, string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
}
