using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatRag.Core.Security;
using ChatRag.Server.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>
/// <c>ChatRag:Auth:Mode</c>: closed by default once a key was ever created, in a container or beyond loopback; closed
/// with a how-to when keys are required and none exists; never reopened by revoking the last key.
/// </summary>
public sealed class AuthModeTests
{
    // Unset mode, outside a container, on loopback (the test server listens nowhere): the local first-run default.
    // Blank URL settings shadow what a CI container's environment may set (the .NET images set ASPNETCORE_HTTP_PORTS).
    private static readonly Dictionary<string, string?> Unset = new()
    {
        ["ChatRag:Auth:Mode"] = null, ["DOTNET_RUNNING_IN_CONTAINER"] = "false", ["urls"] = "", ["http_ports"] = "", ["https_ports"] = "",
    };

    [Fact]
    public async Task Api_keys_mode_without_any_key_is_closed_and_says_how_to_create_one()
    {
        using var factory = new ChatRagServerFactory(new Dictionary<string, string?> { ["ChatRag:Auth:Mode"] = "ApiKeys" });
        var client = factory.CreateClient();

        var search = await client.PostAsJsonAsync("/api/v1/search", new { query = "storm" });
        var delete = await client.DeleteAsync($"/api/v1/documents/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, search.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        Assert.Equal("application/problem+json", search.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("X-Api-Key", search.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var problem = await search.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("API key required", problem.GetProperty("title").GetString());
        Assert.Contains("keys create", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Unset_mode_on_loopback_is_open_until_the_first_key_is_created()
    {
        using var factory = new ChatRagServerFactory(Unset);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/search", new { query = "storm" })).StatusCode);

        var created = await factory.Services.GetRequiredService<IApiKeyStore>().CreateAsync("ci");

        // No cache to wait out: the next keyless call is already refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/search", new { query = "storm" })).StatusCode);
        client.DefaultRequestHeaders.Add("X-Api-Key", created.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/search", new { query = "storm" })).StatusCode);
    }

    [Fact]
    public async Task Revoking_the_last_key_leaves_the_api_closed_now_and_after_a_restart()
    {
        var data = Directory.CreateTempSubdirectory("chatrag-server").FullName;
        string revokedKey;
        using (var factory = new ChatRagServerFactory(Unset, data))
        {
            var store = factory.Services.GetRequiredService<IApiKeyStore>();
            var leaked = await store.CreateAsync("leaked");
            revokedKey = leaked.Key;
            var keyed = factory.CreateClient();
            keyed.DefaultRequestHeaders.Add("X-Api-Key", leaked.Key);
            Assert.Equal(HttpStatusCode.OK, (await keyed.PostAsJsonAsync("/api/v1/search", new { query = "storm" })).StatusCode);

            await store.RevokeAsync(leaked.Info.Id);

            Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/v1/search", new { query = "storm" })).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await keyed.PostAsJsonAsync("/api/v1/search", new { query = "storm" })).StatusCode);
        }

        // A fresh process on the same data has no cache at all: the revoked row alone keeps the API closed.
        using var restarted = new ChatRagServerFactory(Unset, data);
        try
        {
            var anonymous = await restarted.CreateClient().PostAsJsonAsync("/api/v1/search", new { query = "storm" });
            var revoked = restarted.CreateClient();
            revoked.DefaultRequestHeaders.Add("X-Api-Key", revokedKey);

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/v1/documents")).StatusCode);
        }
        finally
        {
            await restarted.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Theory]
    [InlineData("DOTNET_RUNNING_IN_CONTAINER", "true")]
    [InlineData("urls", "http://0.0.0.0:8080")]
    [InlineData("http_ports", "8080")]
    public async Task Unset_mode_in_a_container_or_beyond_loopback_requires_keys(string setting, string value)
    {
        using var factory = new ChatRagServerFactory(new Dictionary<string, string?>(Unset) { [setting] = value });

        var response = await factory.CreateClient().GetAsync("/api/v1/documents");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_mode_still_refuses_a_wrong_key_and_applies_a_scoped_keys_scope()
    {
        using var factory = new ChatRagServerFactory();
        var scoped = await factory.Services.GetRequiredService<IApiKeyStore>().CreateAsync("recipes-bot", "recipes");
        var wrong = factory.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "crk_not-a-real-key");
        var recipes = factory.CreateClient();
        recipes.DefaultRequestHeaders.Add("X-Api-Key", scoped.Key);

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/v1/documents?collection=other")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/v1/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await recipes.GetAsync("/api/v1/documents?collection=other")).StatusCode);
    }

    [Fact]
    public void An_unknown_mode_stops_start_up()
    {
        using var factory = new ChatRagServerFactory(new Dictionary<string, string?> { ["ChatRag:Auth:Mode"] = "Open" });

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("Mode", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://chatrag.example.com:80", false)]
    public void Listen_urls_are_classified(string url, bool loopback) => Assert.Equal(loopback, AuthEnvironment.IsLoopback(url));
}
