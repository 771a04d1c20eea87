using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatRag.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>A key is its id, not its name: names repeat (a revoked key's name is reused), ids never do.</summary>
public sealed class KeyIdentityTests : IAsyncLifetime
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
    public async Task A_new_key_reusing_a_revoked_keys_name_sees_none_of_its_conversations()
    {
        var keys = fixture.Factory.Services.GetRequiredService<IApiKeyStore>();
        var old = await keys.CreateAsync("bot", "default");
        var oldConversation = (await Client(old.Key).AskAsync(new { message = "Jupiter storm" })).GetProperty("conversationId").GetGuid();
        await keys.RevokeAsync(old.Info.Id);

        var reused = Client((await keys.CreateAsync("bot", "default")).Key);

        var list = await reused.GetFromJsonAsync<JsonElement>("/api/v1/conversations");
        Assert.Empty(list.GetProperty("conversations").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await reused.GetAsync($"/api/v1/conversations/{oldConversation}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reused.PostAsJsonAsync("/api/v1/chat", new { message = "more", conversationId = oldConversation })).StatusCode);
    }

    [Fact]
    public async Task Two_keys_with_the_same_name_have_their_own_rate_limit_buckets()
    {
        var keys = fixture.Factory.Services.GetRequiredService<IApiKeyStore>();
        var first = Client((await keys.CreateAsync("shared-name")).Key);
        var second = Client((await keys.CreateAsync("shared-name")).Key);

        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/api/v1/chat", new { message = "Jupiter storm" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.PostAsJsonAsync("/api/v1/chat", new { message = "Jupiter storm" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsJsonAsync("/api/v1/chat", new { message = "Jupiter storm" })).StatusCode);
    }

    private HttpClient Client(string key)
    {
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
