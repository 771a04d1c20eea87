using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChatRag.Server.Tests;

/// <summary>The built server run as a real child process (<c>dotnet ChatRag.Server.dll</c>), so a test can kill -9 it.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder output = new();

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    /// <summary>What the server wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<ServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "ChatRag.Server.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ChatRag__DataDirectory"] = dataDirectory;
        start.Environment["ChatRag__ModelsDirectory"] = ChatRagServerFactory.ModelsDirectory;
        start.Environment["ChatRag__Ingestion__Pipeline__EmbedBatchSize"] = "8";
        start.Environment["ChatRag__Auth__Mode"] = "Anonymous";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await server.Client.GetAsync("/api/v1/documents")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        server.Dispose();
        throw new InvalidOperationException("The server process did not start.");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; exactly what a crash or an OOM kill does.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
        Client.Dispose();
    }

    private void Append(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
