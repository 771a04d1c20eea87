using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatRag.Contracts.Search;

namespace ChatRag.Server.Tests;

public sealed class SearchEndpointTests(ChatRagServerFixture fixture) : IClassFixture<ChatRagServerFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    [Fact]
    public async Task Finds_the_passage_that_answers_the_question()
    {
        var response = await client.PostAsJsonAsync("/api/v1/search", new { query = "Which planet has the Great Red Spot storm?", top = 3 });

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<SearchResults>();
        Assert.NotNull(body);
        Assert.Contains("Jupiter", body.Results[0].Text, StringComparison.Ordinal);
        Assert.Equal("planets.txt", body.Results[0].DocumentName);
        Assert.Equal(1, body.Results[0].Page);
        Assert.Equal("hybrid", body.Mode);
    }

    [Fact]
    public async Task Json_uses_the_documented_keys()
    {
        var response = await client.PostAsJsonAsync("/api/v1/search", new { query = "storm" });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var first = json.RootElement.GetProperty("results")[0];
        foreach (var key in new[] { "documentId", "documentName", "chunkId", "text", "score", "page" })
        {
            Assert.True(first.TryGetProperty(key, out _), $"missing '{key}'");
        }
    }

    [Theory]
    [InlineData("lexical")]
    [InlineData("dense")]
    public async Task Modes_can_be_chosen(string mode)
    {
        var response = await client.PostAsJsonAsync("/api/v1/search", new { query = "Jupiter storm", mode });

        var body = await response.Content.ReadFromJsonAsync<SearchResults>();
        Assert.Equal(mode, body!.Mode);
        Assert.NotEmpty(body.Results);
    }

    [Fact]
    public async Task Collection_filter_keeps_other_collections_out()
    {
        var response = await client.PostAsJsonAsync("/api/v1/search", new { query = "Jupiter Great Red Spot storm", collection = "recipes", top = 10 });

        var body = await response.Content.ReadFromJsonAsync<SearchResults>();
        Assert.NotEmpty(body!.Results);
        Assert.All(body.Results, r => Assert.Equal("recipes", r.Collection));
    }

    [Theory]
    [InlineData("{\"query\": \"\"}", 400)]
    [InlineData("{\"query\": \"   \"}", 400)]
    [InlineData("{}", 400)]
    [InlineData("{\"query\": \"x\", \"top\": 0}", 400)]
    [InlineData("{\"query\": \"x\", \"top\": 5000}", 400)]
    [InlineData("{\"query\": \"x\", \"mode\": \"magic\"}", 400)]
    [InlineData("{\"query\": \"x\", \"collection\": \"no-such-collection\"}", 404)]
    [InlineData("{\"query\": ", 400)]
    [InlineData("[1, 2]", 400)]
    public async Task Bad_requests_get_problem_details(string json, int status)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/v1/search", content);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Huge_query_is_rejected_with_400()
    {
        var response = await client.PostAsJsonAsync("/api/v1/search", new { query = new string('a', 5000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_body_is_rejected_with_413()
    {
        var response = await client.PostAsJsonAsync("/api/v1/search", new { query = "x", padding = new string('p', 100_000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
