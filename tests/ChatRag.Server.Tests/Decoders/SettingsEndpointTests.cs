using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChatRag.Server.Tests.Decoders;

/// <summary><c>/api/v1/settings</c>: the default decoder and the retrieval depth, stored in SQLite and applied at once.</summary>
public sealed class SettingsEndpointTests
{
    private static Dictionary<string, string?> TwoDecoders() => new()
    {
        ["ChatRag:Decoders:alpha:ModelPath"] = TinyDecoders.Folder("alpha", 1),
        ["ChatRag:Decoders:alpha:Provider"] = "Cpu",
        ["ChatRag:Decoders:bravo:ModelPath"] = TinyDecoders.Folder("bravo", 2),
        ["ChatRag:Decoders:bravo:Provider"] = "Cpu",
        ["ChatRag:DefaultDecoder"] = "alpha",
    };

    [Fact]
    public async Task An_administrator_changes_the_default_decoder_and_depth_and_the_choice_survives_a_restart()
    {
        // Both servers are given the directory, so neither deletes it on dispose before the other has run.
        var dataDirectory = Directory.CreateTempSubdirectory("chatrag-settings").FullName;
        await using (var first = new ChatRagServerFactory(TwoDecoders(), dataDirectory))
        {
            var client = first.CreateClient();
            var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/settings");
            Assert.Equal("alpha", before.GetProperty("defaultDecoder").GetString());
            Assert.Equal(5, before.GetProperty("retrievalDepth").GetInt32());
            Assert.True(before.GetProperty("canEdit").GetBoolean());

            var put = await client.PutAsJsonAsync("/api/v1/settings", new { defaultDecoder = "bravo", retrievalDepth = 2 });
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
            var after = await put.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(["ChatRag__DefaultDecoder=bravo", "ChatRag__Chat__Sources=2"], after.GetProperty("configurationLines").EnumerateArray().Select(l => l.GetString()));
            Assert.Equal("bravo", await DefaultInStatusAsync(client));
        }

        await using (var second = new ChatRagServerFactory(TwoDecoders(), dataDirectory))
        {
            var restarted = await second.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/settings");
            Assert.Equal("bravo", restarted.GetProperty("defaultDecoder").GetString());
            Assert.Equal(2, restarted.GetProperty("retrievalDepth").GetInt32());
        }

        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task The_retrieval_depth_applies_to_the_next_question_and_null_returns_to_configuration()
    {
        // No decoder: the extractive path never trims sources to a context window, so the trace holds what was retrieved.
        await using var factory = new ChatRagServerFactory();
        for (var i = 0; i < 4; i++)
        {
            await factory.AddDocumentAsync("default", $"storm-{i}.txt", $"Storm report {i}: the Great Red Spot is a storm larger than Earth.");
        }

        var client = factory.CreateClient();
        Assert.True((await client.PutAsJsonAsync("/api/v1/settings", new { retrievalDepth = 2 })).IsSuccessStatusCode);
        var shallow = await client.AskAsync(new { message = "What is the Great Red Spot?" });
        Assert.Equal(2, shallow.GetProperty("trace").GetProperty("hits").GetArrayLength());

        Assert.True((await client.PutAsJsonAsync("/api/v1/settings", new { retrievalDepth = (int?)null })).IsSuccessStatusCode);
        var configured = await client.AskAsync(new { message = "What is the Great Red Spot?" });
        Assert.Equal(4, configured.GetProperty("trace").GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task Invalid_settings_are_a_400_and_change_nothing()
    {
        await using var factory = new ChatRagServerFactory(TwoDecoders());
        var client = factory.CreateClient();

        var unknown = await client.PutAsJsonAsync("/api/v1/settings", new { defaultDecoder = "delta" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("alpha, bravo", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var deep = await client.PutAsJsonAsync("/api/v1/settings", new { retrievalDepth = 51 });
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);

        var now = await client.GetFromJsonAsync<JsonElement>("/api/v1/settings");
        Assert.Equal("alpha", now.GetProperty("defaultDecoder").GetString());
        Assert.Equal(5, now.GetProperty("retrievalDepth").GetInt32());
    }

    private static async Task<string?> DefaultInStatusAsync(HttpClient client)
    {
        var status = await client.GetFromJsonAsync<JsonElement>("/api/v1/status");
        return status.GetProperty("decoders").EnumerateArray().Single(d => d.GetProperty("isDefault").GetBoolean()).GetProperty("name").GetString();
    }
}
