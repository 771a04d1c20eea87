using Scalar.AspNetCore;

namespace ChatRag.Server.OpenApi;

/// <summary>
/// <c>/openapi/v1.json</c> and the interactive reference at <c>/docs</c>. The document is built from the endpoints'
/// own metadata (names, summaries, <c>Produces</c>, authorization, rate limiting) and the XML comments of the contracts;
/// the transformers here add what every route shares (operation ids, security, error responses, examples), so a route
/// mapped in the existing style is documented without per-route work.
/// </summary>
public static class OpenApiServiceCollectionExtensions
{
    /// <summary>Adds the OpenAPI document with ChatRag's conventions.</summary>
    public static IServiceCollection AddChatRagOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddSchemaTransformer<SchemaConventions>();
            options.AddOperationTransformer<OperationConventions>();
        });
        return services;
    }

    /// <summary>
    /// Maps the OpenAPI document and the Scalar reference at <c>/docs</c>, served from this server alone: Scalar's
    /// script is the copy embedded in its package, the CDN fonts are off, and the vendor's AI chat, MCP, developer
    /// toolbar and telemetry are disabled, so the page works offline and talks to nobody but this server.
    /// </summary>
    public static IEndpointRouteBuilder MapChatRagApiReference(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi();
        routes.MapScalarApiReference("/docs", options => options
            .WithTitle("ChatRag API")
            .DisableDefaultFonts()
            .DisableAgent()
            .DisableMcp()
            .DisableTelemetry()
            .HideDeveloperTools()
            .WithNonce()
            .WithDefaultHttpClient(ScalarTarget.Shell, ScalarClient.Curl)
            .AddPreferredSecuritySchemes(ApiDocumentTransformer.ApiKeyScheme));
        return routes;
    }
}
