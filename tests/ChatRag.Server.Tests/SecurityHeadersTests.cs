using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatRag.Server.Tests;

/// <summary>Security headers on every kind of response, and a Content-Security-Policy the Blazor client can boot under.</summary>
public sealed partial class SecurityHeadersTests : IDisposable
{
    private readonly ChatRagServerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/documents", HttpStatusCode.OK)]
    [InlineData("/css/app.css", HttpStatusCode.OK)]
    [InlineData("/js/chatrag.js", HttpStatusCode.OK)]
    [InlineData("/api/v1/status", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/api/v1/not-a-route", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/documents/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    [InlineData("/missing-file.js", HttpStatusCode.NotFound)]
    public async Task Every_response_carries_nosniff_a_referrer_policy_and_a_csp_that_forbids_framing(string path, HttpStatusCode status)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var policy = Directives(Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.DoesNotContain(policy.Values, v => v.Contains("'unsafe-inline'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/status", HttpStatusCode.OK)]
    [InlineData("/v1/models", HttpStatusCode.OK)]
    [InlineData("/v1/not-a-route", HttpStatusCode.NotFound)]
    public async Task Api_routes_openai_ones_included_are_sandboxed_and_never_fall_back_to_the_page(string path, HttpStatusCode status)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Directives(Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("'none'", policy["default-src"]);
        Assert.True(policy.ContainsKey("sandbox"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/c/2b1a4bfa-4a43-4c55-8a6c-3a3f1d1f8a11")]
    public async Task The_client_page_gets_a_strict_policy_that_allows_exactly_its_import_map(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        var policy = Directives(Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'self'", policy["base-uri"]);
        var scriptSources = policy["script-src"].Split(' ');
        Assert.Equal(["'self'", "'wasm-unsafe-eval'"], scriptSources[..2]);
        // Anything beyond 'self' and WebAssembly is a hash of one inline block of the page: no 'unsafe-*', no hosts.
        var inline = InlineScripts().Matches(html).Select(m => (Type: m.Groups["type"].Value, Body: m.Groups["body"].Value)).ToList();
        Assert.All(inline, s => Assert.Equal("importmap", s.Type));
        var hashes = inline.Select(s => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(s.Body)))}'").ToList();
        Assert.Equal(hashes.Order(), scriptSources[2..].Order());
    }

    [Fact]
    public async Task Only_the_api_reference_gets_the_nonce_its_inline_script_needs()
    {
        var client = factory.CreateClient();

        var docs = await client.GetAsync("/docs");
        var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Matches("^'self' 'nonce-[A-Za-z0-9_-]{20,}'$", Directives(Assert.Single(docs.Headers.GetValues("Content-Security-Policy")))["script-src"]);
        Assert.Equal("'none'", Directives(Assert.Single(docs.Headers.GetValues("Content-Security-Policy")))["frame-ancestors"]);
        Assert.DoesNotContain("unsafe-inline", Assert.Single(page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_answers_are_sandboxed_and_load_nothing()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/status");

        var policy = Directives(Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("'none'", policy["default-src"]);
        Assert.True(policy.ContainsKey("sandbox"));
    }

    internal static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : string.Empty, StringComparer.Ordinal);

    // Inline <script> blocks (no src attribute): the browser hashes exactly the text between the tags.
    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)(?:[^>]*\btype=""(?<type>[^""]*)"")?[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScripts();
}
