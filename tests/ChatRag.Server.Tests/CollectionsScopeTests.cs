using System.Net;
using System.Net.Http.Json;
using ChatRag.Contracts.Collections;
using ChatRag.Contracts.Health;
using ChatRag.Contracts.OpenAI;

namespace ChatRag.Server.Tests;

/// <summary>A collection-scoped key sees and manages only its own collection and cannot create others.</summary>
public sealed class CollectionsScopeTests : ApiKeysServerTest
{
    [Fact]
    public async Task Scoped_key_lists_renames_and_deletes_only_its_own_collection()
    {
        var keys = Keys;
        var admin = Client((await keys.CreateAsync("admin")).Key);
        var scoped = Client((await keys.CreateAsync("recipes-bot", "recipes")).Key);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/collections", new CreateCollection("secret"))).StatusCode);

        var own = await scoped.GetFromJsonAsync<List<CollectionItem>>("/api/v1/collections");
        Assert.Equal(["recipes"], own!.Select(c => c.Name));
        Assert.Equal(["recipes"], (await scoped.GetFromJsonAsync<ServerStatus>("/api/v1/status"))!.Collections);
        Assert.Equal(["chatrag/recipes"], (await scoped.GetFromJsonAsync<ModelList>("/v1/models"))!.Data.Select(m => m.Id));

        Assert.Equal(HttpStatusCode.Forbidden, (await scoped.PostAsJsonAsync("/api/v1/collections", new CreateCollection("other"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scoped.GetAsync("/api/v1/collections/secret")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scoped.PatchAsJsonAsync("/api/v1/collections/secret", new UpdateCollection("Mine"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scoped.DeleteAsync("/api/v1/collections/secret?confirm=secret")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/collections/secret")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await scoped.PatchAsJsonAsync("/api/v1/collections/recipes", new UpdateCollection("Recipes"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await scoped.DeleteAsync("/api/v1/collections/recipes?confirm=recipes")).StatusCode);
        Assert.Equal(["default", "secret"], (await admin.GetFromJsonAsync<List<CollectionItem>>("/api/v1/collections"))!.Select(c => c.Name));
    }
}
