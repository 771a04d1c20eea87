using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Decoder.OpenAI.Tests;

/// <summary>
/// The adapter's settings and their rules; the host binds them from <c>ChatRag:Decoder</c> through its one
/// <c>DecoderOptions</c> class (tested with the server).
/// </summary>
public sealed class OptionsTests
{
    internal static ServiceProvider Provider(OpenAICompatibleChatClientSettings settings, Action<ChatClientBuilder>? compose = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddOpenAICompatibleChatClient(settings);
        compose?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(null, "m", "Endpoint")]
    [InlineData("http://localhost:8000/v1", null, "Model")]
    [InlineData("ftp://localhost/v1", "m", "absolute http or https")]
    public void InvalidSettingsFailNamingTheKey(string? endpoint, string? model, string expected)
    {
        var settings = new OpenAICompatibleChatClientSettings { Endpoint = endpoint is null ? null : new Uri(endpoint), Model = model ?? string.Empty };

        Assert.Contains(settings.Validate("ChatRag:Decoder"), f => f.StartsWith("ChatRag:Decoder", StringComparison.Ordinal) && f.Contains(expected, StringComparison.Ordinal));
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddOpenAICompatibleChatClient(settings));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeoutOutOfRangeFails()
    {
        var settings = new OpenAICompatibleChatClientSettings { Endpoint = new Uri("http://localhost:11434/v1"), Model = "qwen2.5:7b", TimeoutSeconds = 0 };

        Assert.Contains("TimeoutSeconds", Assert.Single(settings.Validate("ChatRag:Decoder")), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidSettingsMakeAClientAndTheKeyNeverAppearsInToString()
    {
        var settings = new OpenAICompatibleChatClientSettings { Endpoint = new Uri("http://localhost:11434/v1"), Model = "qwen2.5:7b", ApiKey = "sk-very-secret" };
        using var provider = Provider(settings);

        Assert.Empty(settings.Validate("ChatRag:Decoder"));
        Assert.Equal(120, settings.TimeoutSeconds);
        Assert.DoesNotContain("sk-very-secret", settings.ToString(), StringComparison.Ordinal);
        Assert.NotNull(provider.GetRequiredService<IChatClient>());
    }

    [Fact]
    public void Credentials_in_the_endpoint_never_appear_in_ToString()
    {
        var settings = new OpenAICompatibleChatClientSettings { Endpoint = new Uri("http://alice:s3cret@localhost:8000/v1"), Model = "m" };

        var shown = settings.ToString();

        Assert.DoesNotContain("s3cret", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", shown, StringComparison.Ordinal);
        Assert.Contains("localhost:8000/v1", shown, StringComparison.Ordinal);
    }
}
