using System.Net;
using System.Text.RegularExpressions;

namespace ChatRag.Server.Tests.OpenApi;

/// <summary>
/// The interactive reference at <c>/docs</c> works offline and stays on topic: everything it loads comes from this
/// server, its vendor extras (AI chat, MCP, developer toolbar, telemetry, CDN fonts) are off, and its policy lets only
/// its own nonce-marked scripts run.
/// </summary>
public sealed partial class ApiReferenceTests : IDisposable
{
    private readonly ChatRagServerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_reference_page_loads_nothing_from_another_origin()
    {
        var response = await factory.CreateClient().GetAsync("/docs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var loaded = Loads().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(loaded);
        Assert.All(loaded, url => Assert.DoesNotMatch("^(https?:)?//", url));
        Assert.DoesNotMatch("@import|url\\(\\s*['\"]?(https?:)?//", html);
        foreach (var script in loaded.Where(u => u.EndsWith(".js", StringComparison.Ordinal)))
        {
            var served = await factory.CreateClient().GetAsync(new Uri(response.RequestMessage!.RequestUri!, script));
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }
    }

    [Theory]
    [InlineData("\"withDefaultFonts\":false")]
    [InlineData("\"agent\":{\"disabled\":true}")]
    [InlineData("\"mcp\":{\"disabled\":true}")]
    [InlineData("\"showDeveloperTools\":\"never\"")]
    [InlineData("\"telemetry\":false")]
    public async Task The_vendor_extras_are_turned_off(string setting)
    {
        var html = await factory.CreateClient().GetStringAsync("/docs");

        Assert.Contains(setting, html, StringComparison.Ordinal);
        Assert.DoesNotContain("proxyUrl", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_pages_own_scripts_may_run_and_nothing_comes_from_another_host()
    {
        var response = await factory.CreateClient().GetAsync("/docs");
        var html = await response.Content.ReadAsStringAsync();

        var policy = SecurityHeadersTests.Directives(Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        var nonces = Nonces().Matches(html).Select(m => m.Groups["nonce"].Value).Distinct().ToList();
        Assert.Equal($"'self' 'nonce-{Assert.Single(nonces)}'", policy["script-src"]);
        Assert.Equal(Scripts().Matches(html).Count, Nonces().Matches(html).Count);
        Assert.All(policy.Values, value => Assert.DoesNotMatch("https?:|\\*", value));
        Assert.Equal("'self' data:", policy["font-src"]);
        Assert.Equal("'self'", policy["connect-src"]);
    }

    [GeneratedRegex("""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["'](?<url>[^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex Loads();

    [GeneratedRegex("""<script\b""", RegexOptions.IgnoreCase)]
    private static partial Regex Scripts();

    [GeneratedRegex("""<script\b[^>]*\bnonce\s*=\s*["'](?<nonce>[^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex Nonces();
}
