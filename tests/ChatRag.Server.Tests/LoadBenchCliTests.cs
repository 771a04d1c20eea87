using System.Diagnostics;
using System.Text.Json;

namespace ChatRag.Server.Tests;

/// <summary>
/// The CLI's <c>bench load</c> verb, run as the built <c>chatrag.dll</c> against the real server process on loopback
/// with two clients and six requests each. Asserts what it counted (every kind ran, nothing failed), not how fast.
/// </summary>
public sealed class LoadBenchCliTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("chatrag-load-bench").FullName;

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Two_clients_mix_search_chat_and_streamed_chat_without_errors_and_write_the_counts()
    {
        // The default chat limit (60 a minute per caller) is for production; this test measures counting, not limiting.
        using var server = await ServerProcess.StartAsync(Path.Combine(root, "data"), new Dictionary<string, string> { ["ChatRag__RateLimit__PermitLimit"] = "100000" });
        var uploaded = await DocumentsApi.UploadOkAsync(
            server.Client,
            null,
            ("glaciers.txt", DocumentsApi.Text("Glaciers carve valleys over thousands of years. Ice sheets store most of the fresh water on Earth.")),
            ("deserts.txt", DocumentsApi.Text("Deserts receive less than 250 millimetres of rain a year. Cacti store water in their stems.")));
        foreach (var document in uploaded)
        {
            Assert.Equal("ready", (await DocumentsApi.WaitAsync(server.Client, document.Id)).Status);
        }

        var queries = Path.Combine(root, "queries.jsonl");
        await File.WriteAllLinesAsync(queries, ["{\"_id\": \"1\", \"text\": \"How do glaciers shape valleys?\"}", "Where do cacti store water?"]);
        var json = Path.Combine(root, "load.json");

        var (exit, output) = await RunCliAsync(
            "bench", "load", "--url", server.Client.BaseAddress!.ToString(), "--clients", "2", "--requests", "6", "--duration", "120", "--chat-ratio", "0.5", "--queries", queries, "--json", json);

        Assert.True(exit == 0, output);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var total = result.RootElement.GetProperty("total");
        Assert.Equal(0, total.GetProperty("errors").GetInt32());
        Assert.Empty(result.RootElement.GetProperty("failures").EnumerateObject());
        // A request count, not a time, bounds the run, so the counts do not depend on how busy the machine is.
        Assert.Equal(12, total.GetProperty("requests").GetInt32());
        Assert.Equal(12, total.GetProperty("ok").GetInt32());
        var kinds = result.RootElement.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("ok").GetInt32());
        Assert.Equal(["chat", "chat-stream", "search"], kinds.Keys.Order(StringComparer.Ordinal));
        Assert.All(kinds.Values, ok => Assert.True(ok > 0));
        Assert.Equal(2, result.RootElement.GetProperty("settings").GetProperty("clients").GetInt32());
        Assert.Contains("p95 ms", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task A_server_that_is_not_there_is_counted_as_errors_and_fails_the_exit_code()
    {
        var (exit, output) = await RunCliAsync("bench", "load", "--url", "http://127.0.0.1:9/", "--clients", "1", "--duration", "1", "--json", Path.Combine(root, "down.json"));

        Assert.Equal(1, exit);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "down.json")));
        Assert.True(result.RootElement.GetProperty("total").GetProperty("errors").GetInt32() > 0, output);
        Assert.Equal(0, result.RootElement.GetProperty("total").GetProperty("ok").GetInt32());
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Streamed_chats_are_read_as_any_valid_event_stream_and_an_error_event_is_a_failure()
    {
        // Valid SSE our server does not happen to write: no space after the colon, CRLF line ends, a comment, the done
        // JSON split over two data lines. A reader that only knows "event: " and one data line misses the done event.
        var unusual = $": keep-alive\r\nevent:token\r\ndata:{{\"text\":\"Ice.\"}}\r\n\r\nevent:done\r\ndata:{{\"answer\":\"Ice.\",\r\ndata:\"conversationId\":\"{Guid.NewGuid()}\"}}\r\n\r\n";
        var failed = "event: error\ndata: {\"title\":\"The model failed.\"}\n\n";
        using var fake = new FakeChatStreamServer(unusual, failed);

        // All chats: plain, streamed, plain, streamed.
        var (_, output) = await RunCliAsync(
            "bench", "load", "--url", fake.Endpoint, "--clients", "1", "--requests", "4", "--duration", "60", "--chat-ratio", "1", "--json", Path.Combine(root, "sse.json"));

        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "sse.json")));
        Assert.True(result.RootElement.GetProperty("total").GetProperty("ok").GetInt32() == 3, output);
        var failures = result.RootElement.GetProperty("failures");
        Assert.Equal(["sse-error"], failures.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, failures.GetProperty("sse-error").GetInt32());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner gets it.
        }
    }

    internal static async Task<(int Exit, string Output)> RunCliAsync(params string[] args)
    {
        // tests/ChatRag.Server.Tests/bin/<Configuration>/<tfm>/ → src/ChatRag.Cli/bin/<Configuration>/<tfm>/chatrag.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.GetFullPath(Path.Combine(here.FullName, "..", "..", "..", "..", "..", "src", "ChatRag.Cli", "bin", here.Parent!.Name, here.Name, "chatrag.dll"));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
