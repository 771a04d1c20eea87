using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ChatRag.Server.Tests.OpenApi;

/// <content>The served document, parsed once, and the server's own API routes with what their metadata requires.</content>
public sealed partial class OpenApiDocumentTests
{
    /// <summary>A route of the API as the server maps it, with what its metadata says it can refuse.</summary>
    public sealed record ApiRoute(string Path, string Method, bool Secured, bool RateLimited);

    /// <summary>One server, its document parsed once, and its API routes read from its endpoint table.</summary>
    public sealed class DocumentFixture : IAsyncLifetime
    {
        private readonly ChatRagServerFactory factory = new();

        public OpenApiDocument Document { get; private set; } = new();

        public IReadOnlyList<string> Errors { get; private set; } = [];

        public IReadOnlyList<ApiRoute> Routes { get; private set; } = [];

        public async Task InitializeAsync()
        {
            var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
            var read = OpenApiDocument.Parse(json, OpenApiConstants.Json);
            Document = read.Document ?? throw new InvalidOperationException("The OpenAPI document did not parse.");
            Errors = read.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}").ToList() ?? [];
            Routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
                .OfType<RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/v1/", StringComparison.Ordinal)))
                .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new ApiRoute(
                    e.RoutePattern.RawText!,
                    m,
                    e.Metadata.GetMetadata<IAuthorizeData>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null,
                    e.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)))
                .ToList();
        }

        public async Task DisposeAsync() => await factory.DisposeAsync();
    }
}
