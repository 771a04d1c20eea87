using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChatRag.Server.Tests.Decoders;

/// <summary>Choosing a decoder by name through the real server, with two tiny synthesized ONNX models.</summary>
public sealed class DecoderSelectionTests : IAsyncLifetime
{
    private readonly ChatRagServerFactory factory = new(new Dictionary<string, string?>
    {
        ["ChatRag:Decoders:alpha:ModelPath"] = TinyDecoders.Folder("alpha", 1),
        ["ChatRag:Decoders:alpha:Provider"] = "Cpu",
        ["ChatRag:Decoders:bravo:ModelPath"] = TinyDecoders.Folder("bravo", 2),
        ["ChatRag:Decoders:bravo:Provider"] = "Cpu",
        ["ChatRag:DefaultDecoder"] = "alpha",
        ["ChatRag:Chat:MaxOutputTokens"] = "16",
    });

    public async Task InitializeAsync()
    {
        _ = factory.Server;
        await factory.AddDocumentAsync("default", "planets.txt", "Jupiter is the largest planet; its Great Red Spot is a storm larger than Earth.");
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_request_naming_a_decoder_is_answered_by_it_and_loads_only_it()
    {
        var client = factory.CreateClient();
        var before = await DecodersAsync(client);
        Assert.Equal(["alpha", "bravo"], before.Select(d => d.GetProperty("name").GetString()));
        Assert.All(before, d => Assert.Equal("unloaded", d.GetProperty("state").GetString()));
        Assert.True(before[0].GetProperty("isDefault").GetBoolean());
        Assert.True(before[0].GetProperty("memoryMB").GetDouble() > 0);

        // The tiny model's answer is noise; what matters is which model the turn loaded (DecoderTraceTests checks the trace).
        await client.AskAsync(new { message = "What is the Great Red Spot?", model = "bravo" });

        var after = (await DecodersAsync(client)).ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("state").GetString());
        Assert.Equal("loaded", after["bravo"]);
        Assert.Equal("unloaded", after["alpha"]);
    }

    [Fact]
    public async Task An_unknown_decoder_is_a_400_naming_the_configured_ones()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/chat", new { message = "What is the Great Red Spot?", model = "delta" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unknown model", problem.GetProperty("title").GetString());
        Assert.Contains("alpha, bravo", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAI_routes_list_and_accept_collection_at_decoder()
    {
        var client = factory.CreateClient();
        var models = await client.GetFromJsonAsync<JsonElement>("/v1/models");
        var ids = models.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(["chatrag/default", "chatrag/default@alpha", "chatrag/default@bravo"], ids);

        var ok = await client.PostAsJsonAsync("/v1/chat/completions", new { model = "chatrag/default@bravo", messages = new[] { new { role = "user", content = "What is the Great Red Spot?" } } });
        Assert.True(ok.IsSuccessStatusCode, await ok.Content.ReadAsStringAsync());
        var states = (await DecodersAsync(client)).ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("state").GetString());
        Assert.Equal("loaded", states["bravo"]);

        var unknown = await client.PostAsJsonAsync("/v1/chat/completions", new { model = "chatrag/default@delta", messages = new[] { new { role = "user", content = "Hi?" } } });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var error = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("model_not_found", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("alpha, bravo", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> DecodersAsync(HttpClient client)
    {
        var status = await client.GetFromJsonAsync<JsonElement>("/api/v1/status");
        return [.. status.GetProperty("decoders").EnumerateArray()];
    }
}
