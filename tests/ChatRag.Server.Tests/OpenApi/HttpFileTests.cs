using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests.OpenApi;

/// <summary>
/// <c>src/ChatRag.Server/ChatRag.Server.http</c> holds a request for every route the server maps under <c>/api</c>,
/// <c>/v1</c> and <c>/health</c>, so it stays a complete, runnable tour of the API as routes are added.
/// </summary>
public sealed partial class HttpFileTests : IDisposable
{
    private readonly ChatRagServerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public void Every_mapped_route_has_a_request_in_the_http_file()
    {
        var requests = RequestLine().Matches(File.ReadAllText(HttpFile()))
            .Select(m => $"{m.Groups["method"].Value} {Normalize(Variable().Replace(m.Groups["path"].Value, "{}"))}")
            .ToHashSet(StringComparer.Ordinal);
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && Regex.IsMatch(raw, "^/(api|v1|health)(/|$)"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {Normalize(RouteParameter().Replace(e.RoutePattern.RawText!, "{}"))}"))
            .Distinct()
            .ToList();

        var missing = routes.Where(r => !requests.Contains(r)).ToList();
        Assert.NotEmpty(routes);
        Assert.True(missing.Count == 0, "Missing from ChatRag.Server.http: " + string.Join(", ", missing));
    }

    private static string Normalize(string path) => path.Split('?')[0].TrimEnd('/');

    private static string HttpFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "ChatRag.Server", "ChatRag.Server.http");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("src/ChatRag.Server/ChatRag.Server.http was not found above the test binaries.");
    }

    [GeneratedRegex(@"^(?<method>GET|POST|PUT|PATCH|DELETE) \{\{host\}\}(?<path>\S*)", RegexOptions.Multiline)]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"\{\{[^}]+\}\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
