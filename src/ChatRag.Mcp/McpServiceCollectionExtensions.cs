using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace ChatRag.Mcp;

/// <summary>Registration of the ChatRag MCP server; the host adds its transport (HTTP in the server, stdio in the CLI).</summary>
public static class McpServiceCollectionExtensions
{
    /// <summary>What an agent reads when it connects: what the server is and how its tools fit together.</summary>
    public const string Instructions =
        "ChatRag answers from the user's own uploaded documents. Use search_documents to find passages, read_document to read around them, " +
        "list_documents to see what documents and collections exist, and ask for a checked answer with citations. Cite document names (and pages) " +
        "from the results; do not present anything the documents do not say as coming from them.";

    private static readonly IEnumerable<Type> ToolTypes = [typeof(ChatRagTools)];

    /// <summary>Adds the MCP server with the <see cref="ChatRagTools"/>; the caller (<see cref="McpCaller"/>) must be registered by the host.</summary>
    public static IMcpServerBuilder AddChatRagMcp(this IServiceCollection services)
    {
        var version = typeof(ChatRagTools).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";
        return services
            .AddMcpServer(o =>
            {
                o.ServerInfo = new Implementation { Name = "chatrag", Title = "ChatRag", Version = version.Split('+')[0] };
                o.ServerInstructions = Instructions;
            })
            // Typed as a list of tool types: a bare Type would bind to the overload that takes a tool target instance.
            .WithTools(ToolTypes);
    }
}
