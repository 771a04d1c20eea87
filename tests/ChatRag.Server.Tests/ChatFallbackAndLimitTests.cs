using System.Net;
using System.Net.Http.Json;
using ChatRag.TestKit.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

public sealed class ChatFallbackAndLimitTests
{
    [Fact]
    public async Task Failing_decoder_falls_back_to_extractive_and_the_rate_limit_answers_429()
    {
        var failing = new ScriptedChatClient([]) { Failure = new FileNotFoundException("model.onnx missing") };
        await using var inner = new ChatRagServerFactory();
        await using var factory = inner.WithWebHostBuilder(b =>
        {
            b.UseSetting("ChatRag:RateLimit:PermitLimit", "2");
            b.UseSetting("ChatRag:RateLimit:WindowSeconds", "3600");
            b.ConfigureTestServices(s => s.AddChatClient(failing).UseFunctionInvocation());
        });
        _ = factory.Server;
        await factory.AddDocumentAsync("default", "planets.txt", "Jupiter is the largest planet; its Great Red Spot is a storm larger than Earth.");
        var client = factory.CreateClient();

        var body = await client.AskAsync(new { message = "What is the Great Red Spot?" });

        Assert.Equal("extractive", body.GetProperty("mode").GetString());
        Assert.Contains("model.onnx missing", body.GetProperty("trace").GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Contains("[1]", body.GetProperty("answer").GetString(), StringComparison.Ordinal);

        Assert.True((await client.PostAsJsonAsync("/api/v1/chat", new { message = "again" })).IsSuccessStatusCode);
        var limited = await client.PostAsJsonAsync("/api/v1/chat", new { message = "and again" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        // Search is not chat-limited.
        Assert.True((await client.PostAsJsonAsync("/api/v1/search", new { query = "storm" })).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Invalid_rate_limit_options_stop_the_host()
    {
        await using var inner = new ChatRagServerFactory();
        await using var factory = inner.WithWebHostBuilder(b => b.UseSetting("ChatRag:RateLimit:PermitLimit", "0"));

        Assert.ThrowsAny<Exception>(() => factory.Server);
    }
}
