using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Decoder.OpenAI.Tests;

public sealed class OptionsTests
{
    internal static ServiceProvider Provider(Dictionary<string, string?> settings, Action<ChatClientBuilder>? compose = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        var builder = services.AddOpenAICompatibleChatClient(configuration);
        compose?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(null, "m", "Endpoint")]
    [InlineData("http://localhost:8000/v1", null, "Model")]
    [InlineData("ftp://localhost/v1", "m", "absolute http or https")]
    public void InvalidSettingsFailNamingTheKey(string? endpoint, string? model, string expected)
    {
        using var provider = Provider(new() { ["ChatRag:Decoder:Endpoint"] = endpoint, ["ChatRag:Decoder:Model"] = model });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IChatClient>());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeoutOutOfRangeFails()
    {
        using var provider = Provider(new()
        {
            ["ChatRag:Decoder:Endpoint"] = "http://localhost:11434/v1", ["ChatRag:Decoder:Model"] = "qwen2.5:7b", ["ChatRag:Decoder:TimeoutSeconds"] = "0",
        });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OpenAICompatibleChatClientOptions>>().Value);
    }

    [Fact]
    public void ValidSettingsBindAndTheKeyNeverAppearsInToString()
    {
        using var provider = Provider(new()
        {
            ["ChatRag:Decoder:Endpoint"] = "http://localhost:11434/v1", ["ChatRag:Decoder:Model"] = "qwen2.5:7b", ["ChatRag:Decoder:ApiKey"] = "sk-very-secret",
        });

        var options = provider.GetRequiredService<IOptions<OpenAICompatibleChatClientOptions>>().Value;
        Assert.Equal(new Uri("http://localhost:11434/v1"), options.Endpoint);
        Assert.Equal(120, options.TimeoutSeconds);
        Assert.DoesNotContain("sk-very-secret", options.ToString(), StringComparison.Ordinal);
        Assert.NotNull(provider.GetRequiredService<IChatClient>());
    }
}
