using ChatRag.Mcp;
using ChatRag.Server.Configuration;
using ChatRag.Server.Security;

namespace ChatRag.Server.Endpoints;

/// <summary>
/// <c>/mcp</c>: the ChatRag tools over the Model Context Protocol (streamable HTTP) for agents such as VS Code or
/// Claude Desktop. It sits behind the same API policy as <c>/api/v1</c> (X-Api-Key or Bearer), and every tool works
/// within the key's collection scope, so an agent can do exactly what its key may do over REST.
/// </summary>
public static class McpEndpoints
{
    /// <summary>The route of the MCP endpoint.</summary>
    public const string Route = "/mcp";

    /// <summary>Adds the MCP server, stateless (no session affinity; each POST is one authenticated request), the caller from the key and the chat rate limit for <c>ask</c>.</summary>
    public static IServiceCollection AddChatRagMcpServer(this IServiceCollection services)
    {
        services.AddScoped(provider =>
        {
            var scope = provider.GetRequiredService<CallerScope>();
            return new McpCaller(scope.Collection, ConversationsEndpoints.OwnerOf(scope));
        });
        services.AddSingleton<McpAskRateLimit.Limiter>();
        services.AddScoped<IAskRateLimit, McpAskRateLimit>();
        services.AddChatRagMcp().WithHttpTransport(o => o.Stateless = true);
        return services;
    }

    /// <summary>Maps <c>/mcp</c> under the API policy; it is not part of the REST OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapChatRagMcp(this IEndpointRouteBuilder routes)
    {
        routes.MapMcp(Route)
            .RequireAuthorization(AuthServiceCollectionExtensions.ApiPolicy)
            .ExcludeFromDescription();
        return routes;
    }
}
