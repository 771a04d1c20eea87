using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ChatRag.Server.Tests.Mcp;

/// <summary>Tool calls through the official MCP client, and what a test reads from their results.</summary>
internal static class McpCalls
{
    /// <summary>The four tools every ChatRag MCP server serves.</summary>
    public static readonly string[] ToolNames = ["ask", "list_documents", "read_document", "search_documents"];

    public static Task<CallToolResult> CallAsync(this McpClient client, string tool, object? arguments = null) =>
        client.CallToolAsync(tool, arguments is null ? null : JsonSerializer.SerializeToElement(arguments).Deserialize<Dictionary<string, object?>>())
            .AsTask();

    /// <summary>The structured result of a successful call (fails the test with the tool's message otherwise).</summary>
    public static JsonElement Json(this CallToolResult result)
    {
        Assert.True(result.IsError != true, "The tool failed: " + result.Text());
        Assert.NotNull(result.StructuredContent);
        return JsonSerializer.SerializeToElement(result.StructuredContent);
    }

    /// <summary>The text of a result (an error's message, or the JSON of a success).</summary>
    public static string Text(this CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    /// <summary>Asserts the call failed as a tool error (isError, a message for the model), not as a protocol error.</summary>
    public static string AssertToolError(this CallToolResult result)
    {
        Assert.True(result.IsError, "Expected a tool error, got: " + result.Text());
        return result.Text();
    }
}
