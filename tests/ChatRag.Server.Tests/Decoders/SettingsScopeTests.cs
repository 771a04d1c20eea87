using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChatRag.Server.Tests.Decoders;

/// <summary>Only a key without a collection scope may change server-wide settings.</summary>
public sealed class SettingsScopeTests : ApiKeysServerTest
{
    [Fact]
    public async Task A_collection_scoped_key_reads_the_settings_but_may_not_change_them()
    {
        var scoped = await Keys.CreateAsync("recipes-only", "recipes");
        var admin = await Keys.CreateAsync("admin");

        var read = await Client(scoped.Key).GetFromJsonAsync<JsonElement>("/api/v1/settings");
        Assert.False(read.GetProperty("canEdit").GetBoolean());
        var refused = await Client(scoped.Key).PutAsJsonAsync("/api/v1/settings", new { retrievalDepth = 3 });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var allowed = await Client(admin.Key).PutAsJsonAsync("/api/v1/settings", new { retrievalDepth = 3 });
        Assert.True(allowed.IsSuccessStatusCode, await allowed.Content.ReadAsStringAsync());
        Assert.Equal(3, (await Client(scoped.Key).GetFromJsonAsync<JsonElement>("/api/v1/settings")).GetProperty("retrievalDepth").GetInt32());
    }
}
