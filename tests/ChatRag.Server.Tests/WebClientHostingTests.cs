using System.Net;
using System.Net.Http.Json;
using ChatRag.Contracts.Health;
using ChatRag.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>The web client served by the API host: its page for client routes, never for the server's own areas.</summary>
public sealed class WebClientHostingTests : IDisposable
{
    private readonly ChatRagServerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/documents")]
    [InlineData("/c/2b1a4bfa-4a43-4c55-8a6c-3a3f1d1f8a11")]
    public async Task Client_routes_get_the_blazor_page(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("_framework/blazor.webassembly", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/not-a-route")]
    [InlineData("/health/anything")]
    [InlineData("/missing-file.js")]
    public async Task Server_areas_and_missing_files_never_fall_back_to_the_page(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Status_says_answers_are_extractive_without_a_decoder_and_lists_the_default_collection()
    {
        var status = await factory.CreateClient().GetFromJsonAsync<ServerStatus>("/api/v1/status");

        Assert.NotNull(status);
        Assert.False(status.Decoder.Available);
        Assert.Equal("extractive", status.Decoder.Mode);
        Assert.False(string.IsNullOrWhiteSpace(status.Decoder.Reason));
        Assert.NotEmpty(status.Encoders);
        Assert.Contains("default", status.Collections);
        Assert.Equal("default", status.DefaultCollection);
    }

    [Fact]
    public async Task Status_under_a_scoped_key_names_only_that_collection()
    {
        using var keyed = new ChatRagServerFactory(new Dictionary<string, string?> { ["ChatRag:Auth:Mode"] = "ApiKeys" });
        var keys = keyed.Services.GetRequiredService<IApiKeyStore>();
        var scoped = await keys.CreateAsync("recipes-bot", "recipes");
        var client = keyed.CreateClient();

        var anonymous = await client.GetAsync("/api/v1/status");
        client.DefaultRequestHeaders.Add("X-Api-Key", scoped.Key);
        var status = await client.GetFromJsonAsync<ServerStatus>("/api/v1/status");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.NotNull(status);
        Assert.Equal(["recipes"], status.Collections);
        Assert.Equal("recipes", status.DefaultCollection);
    }
}
