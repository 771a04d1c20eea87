using System.Net;
using System.Net.Http.Json;
using ChatRag.Contracts.Documents;

namespace ChatRag.Server.Tests;

public sealed class DocumentsScopeTests : ApiKeysServerTest
{
    [Fact]
    public async Task Scoped_key_cannot_see_or_touch_another_collections_documents()
    {
        var keys = Keys;
        var admin = Client((await keys.CreateAsync("admin")).Key);
        var scoped = Client((await keys.CreateAsync("recipes-bot", "recipes")).Key);

        var secret = (await DocumentsApi.UploadOkAsync(admin, "secret", ("plans.txt", DocumentsApi.Text("Secret plans."))))[0].Id;
        var own = (await DocumentsApi.UploadOkAsync(scoped, null, ("soup.txt", DocumentsApi.Text("Tomato soup."))))[0].Id;
        Assert.Equal("ready", (await DocumentsApi.WaitAsync(admin, secret)).Status);
        Assert.Equal("recipes", (await DocumentsApi.WaitAsync(scoped, own)).Collection);

        Assert.Equal(HttpStatusCode.Forbidden, (await scoped.GetAsync("/api/v1/documents?collection=secret")).StatusCode);
        var visible = await scoped.GetFromJsonAsync<List<DocumentDetails>>("/api/v1/documents");
        Assert.Equal([own], visible!.Select(d => d.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await scoped.GetAsync($"/api/v1/documents/{secret}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scoped.GetAsync($"/api/v1/documents/{secret}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scoped.PostAsync($"/api/v1/documents/{secret}/reindex", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scoped.DeleteAsync($"/api/v1/documents/{secret}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DocumentsApi.UploadAsync(scoped, "secret", ("x.txt", DocumentsApi.Text("x")))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/documents/{secret}")).StatusCode);
        Assert.Equal(2, (await admin.GetFromJsonAsync<List<DocumentDetails>>("/api/v1/documents"))!.Count);
    }
}
