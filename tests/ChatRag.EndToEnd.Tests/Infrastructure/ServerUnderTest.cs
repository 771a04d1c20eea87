using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real ChatRag server, run from its own build output as a child process on a free loopback port, over a fresh
/// data directory (real SQLite file, embedded vector index) and the bundled encoder.
/// </summary>
public sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private ServerUnderTest(Process process, Uri address, string dataDirectory)
    {
        this.process = process;
        Address = address;
        DataDirectory = dataDirectory;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Shared with the server tests, so a test run extracts the bundled encoder once.</summary>
    public static string ModelsDirectory { get; } = Path.Combine(Path.GetTempPath(), "chatrag-test-models");

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The temporary data directory (deleted on dispose).</summary>
    public string DataDirectory { get; }

    /// <summary>A client for arranging state through the REST API.</summary>
    public HttpClient Client { get; }

    /// <summary>Everything the server wrote to stdout and stderr so far.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Starts the server and waits until <c>/health</c> says it is ready.</summary>
    /// <param name="settings">Environment variables on top of the harness defaults.</param>
    /// <param name="prepare">Runs on the empty data directory before the server starts (e.g. creates API keys).</param>
    public static async Task<ServerUnderTest> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null, Func<string, Task>? prepare = null)
    {
        var dll = BuiltAssemblyPath("ChatRag.Server", "ChatRag.Server.dll");
        var port = FreePort();
        var dataDirectory = Directory.CreateTempSubdirectory("chatrag-e2e").FullName;
        if (prepare is not null)
        {
            await prepare(dataDirectory);
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ChatRag__DataDirectory"] = dataDirectory;
        start.Environment["ChatRag__ModelsDirectory"] = ModelsDirectory;
        // Extractive answers: no decoder weights exist on build machines.
        start.Environment["ChatRag__Decoder__Kind"] = "None";
        // Small embedding batches: progress moves in visible steps on the documents page.
        start.Environment["ChatRag__Ingestion__Pipeline__EmbedBatchSize"] = "8";
        // Open on purpose: these tests drive features; the API key fixture sets ApiKeys.
        start.Environment["ChatRag__Auth__Mode"] = "Anonymous";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var server = new ServerUnderTest(process, new Uri($"http://127.0.0.1:{port}/"), dataDirectory);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        return server;
    }

    /// <summary>Kills the whole process tree and removes the data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Client.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file may still be held for a moment; the OS temp cleaner gets it.
        }
    }

    /// <summary>The build output of a project under <c>src/</c>, in this test assembly's configuration.</summary>
    public static string BuiltAssemblyPath(string project, string assembly)
    {
        string Metadata(string key) => typeof(ServerUnderTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value ?? throw new InvalidOperationException($"Missing assembly metadata {key}.");

        var dll = Path.Combine(
            Metadata("ChatRag.RepositoryRoot"), "src", project, "bin",
            Metadata("ChatRag.Configuration"), Metadata("ChatRag.TargetFramework"), assembly);
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{project} is not built at {dll}; build the solution (./test.sh does) first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? last = null;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await Client.GetAsync(new Uri("health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"/health answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message; // not listening yet
            }

            await Task.Delay(250);
        }

        var reason = process.HasExited ? $"exited with code {process.ExitCode}" : $"was not healthy after {timeout.TotalSeconds:0} s ({last})";
        await DisposeAsync();
        throw new InvalidOperationException($"The server {reason}.\n--- server output ---\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
