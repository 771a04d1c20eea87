using System.ClientModel;
using System.Net;
using System.Net.Http.Json;
using ChatRag.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Chat;

namespace ChatRag.Server.Tests;

/// <summary>The chat rate limit holds on <c>/v1/chat/completions</c> per key, in OpenAI's error shape; X-Api-Key still works there.</summary>
public sealed class OpenAICompatibleLimitTests : IAsyncLifetime
{
    private readonly ChatRagServerFixture fixture = new(new Dictionary<string, string?>
    {
        ["ChatRag:Auth:Mode"] = "ApiKeys",
        ["ChatRag:RateLimit:PermitLimit"] = "1",
        ["ChatRag:RateLimit:WindowSeconds"] = "3600",
    });

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Second_completion_in_the_window_is_429_rate_limit_exceeded_and_the_bucket_is_shared_with_api_chat()
    {
        var keys = fixture.Factory.Services.GetRequiredService<IApiKeyStore>();
        var key = (await keys.CreateAsync("bot")).Key;
        var other = (await keys.CreateAsync("other")).Key;

        // X-Api-Key works on /v1 too; this spends the key's one permit.
        var http = fixture.Factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var first = await http.PostAsJsonAsync("/v1/chat/completions", new { model = "chatrag/default", messages = new[] { new { role = "user", content = "Jupiter storm" } } });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var limited = await Assert.ThrowsAsync<ClientResultException>(
            () => OpenAIClients.Chat(fixture.Factory, "chatrag/default", key).CompleteChatAsync([new UserChatMessage("Jupiter storm")]));
        Assert.Equal(429, limited.Status);
        var error = OpenAICompatibleTests.AssertOpenAIError(limited, "rate_limit_error");
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        var rest = await http.PostAsJsonAsync("/api/v1/chat", new { message = "Jupiter storm" });
        Assert.Equal(HttpStatusCode.TooManyRequests, rest.StatusCode);
        Assert.Equal("application/problem+json", rest.Content.Headers.ContentType?.MediaType);

        var fresh = await OpenAIClients.Chat(fixture.Factory, "chatrag/default", other).CompleteChatAsync([new UserChatMessage("Jupiter storm")]);
        Assert.Contains("Great Red Spot", fresh.Value.Content[0].Text, StringComparison.Ordinal);
    }
}
