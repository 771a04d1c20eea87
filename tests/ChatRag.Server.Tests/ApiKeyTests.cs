using System.Net;
using System.Net.Http.Json;
using ChatRag.Contracts.Search;
using ChatRag.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

public sealed class ApiKeyTests : IAsyncLifetime
{
    private readonly ChatRagServerFixture fixture = new(new Dictionary<string, string?> { ["ChatRag:Auth:Mode"] = "ApiKeys" });

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Api_needs_a_valid_key()
    {
        var client = fixture.Factory.CreateClient();
        var created = await fixture.Factory.Services.GetRequiredService<IApiKeyStore>().CreateAsync("ci");

        var missing = await client.PostAsJsonAsync("/api/v1/search", new { query = "storm" });
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        client.DefaultRequestHeaders.Add("X-Api-Key", "crk_not-a-real-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/search", new { query = "storm" })).StatusCode);

        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", created.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/search", new { query = "storm" })).StatusCode);

        // Health stays reachable for probes without a key.
        Assert.Equal(HttpStatusCode.OK, (await fixture.Factory.CreateClient().GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Scoped_key_sees_only_its_collection()
    {
        var created = await fixture.Factory.Services.GetRequiredService<IApiKeyStore>().CreateAsync("recipes-bot", "recipes");
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", created.Key);

        var implicitCollection = await client.PostAsJsonAsync("/api/v1/search", new { query = "Jupiter storm", top = 10 });
        var body = await implicitCollection.Content.ReadFromJsonAsync<SearchResults>();
        Assert.NotEmpty(body!.Results);
        Assert.All(body.Results, r => Assert.Equal("recipes", r.Collection));

        var other = await client.PostAsJsonAsync("/api/v1/search", new { query = "Jupiter storm", collection = "default" });
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Revoked_key_is_refused()
    {
        var store = fixture.Factory.Services.GetRequiredService<IApiKeyStore>();
        var keep = await store.CreateAsync("keep");
        var gone = await store.CreateAsync("gone");
        await store.RevokeAsync(gone.Info.Id);
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", gone.Key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/search", new { query = "storm" })).StatusCode);
        Assert.NotNull(await store.ValidateAsync(keep.Key));
    }

    [Fact]
    public async Task A_key_revoked_while_in_use_is_refused_on_its_very_next_request()
    {
        var store = fixture.Factory.Services.GetRequiredService<IApiKeyStore>();
        var key = await store.CreateAsync("in-use");
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/search", new { query = "storm" })).StatusCode);

        await store.RevokeAsync(key.Info.Id);

        // No cached validation carries a revoked key on: the next request is already refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/search", new { query = "storm" })).StatusCode);
    }
}
