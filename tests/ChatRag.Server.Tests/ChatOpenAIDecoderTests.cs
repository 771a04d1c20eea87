using ChatRag.TestKit.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>
/// <c>ChatRag:Decoder:Kind=OpenAI</c> with an endpoint makes the server answer through the OpenAI-compatible client:
/// a fake endpoint on loopback receives the grounded prompt and its text becomes a generative answer.
/// </summary>
public sealed class ChatOpenAIDecoderTests : IAsyncLifetime
{
    private readonly ChatRagServerFactory inner = new();
    private FakeOpenAIServer endpoint = null!;
    private WebApplicationFactory<ServerMarker> factory = null!;

    public async Task InitializeAsync()
    {
        endpoint = await FakeOpenAIServer.StartAsync();
        endpoint.AnswerAlways("Jupiter's Great Red Spot is a storm larger than Earth [1].");
        factory = inner.WithWebHostBuilder(b => b
            .UseSetting("ChatRag:Decoder:Kind", "OpenAI")
            .UseSetting("ChatRag:Decoder:Endpoint", endpoint.V1.ToString())
            .UseSetting("ChatRag:Decoder:Model", "test-model")
            .UseSetting("ChatRag:Decoder:MaxRetries", "0"));
        await factory.AddDocumentAsync("default", "planets.txt", "Jupiter is the largest planet; its Great Red Spot is a storm larger than Earth.");
    }

    [Fact]
    public async Task The_openai_kind_answers_generatively_through_the_configured_endpoint()
    {
        using var client = factory.CreateClient();

        var body = await client.AskAsync(new { message = "What is the Great Red Spot?" });
        var events = await client.StreamAsync(new { message = "What is the Great Red Spot?", stream = true });

        Assert.Equal("generative", body.GetProperty("mode").GetString());
        Assert.Equal("test-model", body.GetProperty("trace").GetProperty("model").GetString());
        Assert.Equal(endpoint.Answer, body.GetProperty("answer").GetString());
        var citation = Assert.Single(body.GetProperty("citations").EnumerateArray());
        Assert.True(citation.GetProperty("supported").GetBoolean());
        var request = endpoint.Requests[0].Body;
        Assert.Equal("test-model", request.GetProperty("model").GetString());
        Assert.Contains("Great Red Spot is a storm", request.GetProperty("messages").ToString(), StringComparison.Ordinal);
        Assert.Equal("generative", events.Single(e => e.Name == "done").Data.GetProperty("mode").GetString());
        Assert.Equal(endpoint.Answer, string.Concat(events.Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString())));
    }

    [Fact]
    public void The_openai_kind_runs_behind_function_invocation_telemetry_and_logging()
    {
        var client = factory.Services.GetRequiredService<IChatClient>();

        Assert.NotNull(client.GetService<FunctionInvokingChatClient>());
        var telemetry = client.GetService<OpenTelemetryChatClient>();
        Assert.NotNull(telemetry);
        Assert.Equal(ChatRag.Hosting.ChatRagTelemetry.DecoderName, client.GetService<System.Diagnostics.ActivitySource>()?.Name);
        Assert.False(telemetry.EnableSensitiveData);
        Assert.NotNull(client.GetService<LoggingChatClient>());
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await inner.DisposeAsync();
        await endpoint.DisposeAsync();
    }
}
