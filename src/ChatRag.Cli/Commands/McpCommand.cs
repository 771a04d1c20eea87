using System.CommandLine;
using ChatRag.Mcp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatRag.Cli.Commands;

/// <summary>
/// <c>mcp</c>: the server's MCP tools over stdio for desktop agents (Claude Desktop, VS Code), against a data directory
/// and without a server. Stdout carries only protocol messages, so every log goes to stderr; the local user owns the
/// data directory, so the caller sees every collection.
/// </summary>
internal static class McpCommand
{
    public static Command Create()
    {
        var command = new Command(
            "mcp",
            "Serve the ChatRag tools (search_documents, read_document, list_documents, ask) to an agent over stdio (Model Context Protocol).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(parse, cancellationToken: cancellationToken, configure: builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
                builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
                builder.Services.AddSingleton(McpCaller.Unscoped);
                builder.Services.AddChatRagMcp().WithStdioServerTransport();
            });

            // The stdio transport ends the host when the client closes stdin.
            await host.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
