using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;

namespace ChatRag.Server.Tests.Mcp;

/// <summary>
/// <c>chatrag mcp</c>: the built CLI started as a child process by the official MCP client's stdio transport, against a
/// data directory a server filled. The same four tools as <c>/mcp</c>, every collection visible (a local user owns the
/// directory), and nothing but protocol on stdout (a stray log line there would break the client's reads).
/// </summary>
public sealed class McpStdioTests : IAsyncLifetime
{
    private readonly string data = Directory.CreateTempSubdirectory("chatrag-mcp-stdio").FullName;
    private readonly ConcurrentQueue<string> stderr = new();
    private Guid planets;

    public async Task InitializeAsync()
    {
        await using var server = new ChatRagServerFactory(dataDirectory: data);
        _ = server.Server;
        planets = await server.AddDocumentAsync("default", "planets.txt",
            "Jupiter is the largest planet; its Great Red Spot is a storm larger than Earth.",
            "Saturn's rings are made mostly of ice particles.");
        await server.AddDocumentAsync("recipes", "soup.txt", "A storm of flavours: tomato soup with basil.");
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner gets it.
        }

        return Task.CompletedTask;
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Cli_serves_the_same_tools_over_stdio_with_a_clean_stdout()
    {
        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "chatrag",
            Command = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            Arguments = [CliDll(), "mcp", "--data", data, "--models", ChatRagServerFactory.ModelsDirectory],
            StandardErrorLines = stderr.Enqueue,
        }));

        Assert.Equal("chatrag", client.ServerInfo?.Name);
        Assert.Equal(McpCalls.ToolNames, (await client.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal));

        var search = (await client.CallAsync("search_documents", new { query = "Great Red Spot" })).Json();
        Assert.Equal("planets.txt", search.GetProperty("results")[0].GetProperty("documentName").GetString());

        var read = (await client.CallAsync("read_document", new { documentId = planets.ToString() })).Json();
        Assert.Equal(2, read.GetProperty("passages").GetArrayLength());

        // Unscoped: every collection is listed, and another collection can be searched by name.
        var listed = (await client.CallAsync("list_documents")).Json().GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString());
        Assert.Equal(["planets.txt", "soup.txt"], listed.Order(StringComparer.Ordinal));
        var recipes = (await client.CallAsync("search_documents", new { query = "soup", collection = "recipes" })).Json();
        Assert.Equal("soup.txt", recipes.GetProperty("results")[0].GetProperty("documentName").GetString());

        var ask = (await client.CallAsync("ask", new { question = "What is the Great Red Spot?" })).Json();
        Assert.Contains("Great Red Spot", ask.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, ask.GetProperty("citations").GetArrayLength());

        Assert.Contains("GUID", (await client.CallAsync("read_document", new { documentId = "42" })).AssertToolError(), StringComparison.Ordinal);
        Assert.NotEqual(0, (await client.CallAsync("search_documents", new { query = "rings" })).Json().GetProperty("results").GetArrayLength());
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Every_stdout_line_is_a_json_rpc_message_even_when_the_host_logs()
    {
        // Debug logging makes the host log at start-up and per request; all of it must go to stderr.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliDll(), "mcp", "--data", data, "--models", ChatRagServerFactory.ModelsDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__LogLevel__Default"] = "Debug";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync(
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""");
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_documents","arguments":{"query":"Saturn"}}}""");
        await process.StandardInput.FlushAsync();

        var lines = new List<string>();
        while (lines.Count < 2 && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        process.StandardInput.Close();
        lines.AddRange((await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);

        Assert.NotEmpty(await errors);
        Assert.Equal([1, 2], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt32()));
        Assert.Contains("Saturn", lines[1], StringComparison.Ordinal);
    }

    private static string CliDll()
    {
        // tests/ChatRag.Server.Tests/bin/<Configuration>/<tfm>/ → src/ChatRag.Cli/bin/<Configuration>/<tfm>/chatrag.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.GetFullPath(Path.Combine(here.FullName, "..", "..", "..", "..", "..", "src", "ChatRag.Cli", "bin", here.Parent!.Name, here.Name, "chatrag.dll"));
    }
}
