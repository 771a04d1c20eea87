namespace ChatRag.Server.Endpoints;

/// <summary>
/// Serves the Blazor WebAssembly client (<c>web/ChatRag.Web</c>) from the same host as the API: its static assets
/// through the build's endpoints manifest, and <c>index.html</c> for client-side routes. API (/api, the OpenAI-compatible /v1), health, docs and OpenAPI
/// paths never fall back to the page, so an unknown API route still answers 404 problem details.
/// </summary>
public static class WebClientEndpoints
{
    // A catch-all that skips the server's own areas; ':nonfile' leaves missing files (paths with a dot) as 404s.
    private const string ClientRoutes = "{*path:nonfile:regex(^(?!(api|v1|health|docs|openapi|scalar)(/|$)).*$)}";

    /// <summary>Maps the client's files and its fallback page. Call after every API route.</summary>
    public static IEndpointRouteBuilder MapWebClient(this IEndpointRouteBuilder routes)
    {
        routes.MapStaticAssets();
        routes.MapFallbackToFile(ClientRoutes, "index.html");

        // A route constraint never matches an absent value, so the root needs its own fallback.
        routes.MapFallbackToFile("/", "index.html");
        return routes;
    }
}
