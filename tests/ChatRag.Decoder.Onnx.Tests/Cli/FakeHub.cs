using System.Net;
using System.Net.Sockets;

namespace ChatRag.Decoder.Onnx.Tests.Cli;

/// <summary>
/// A loopback stand-in for huggingface.co's resolve URLs: serves files by URL path, honours Range requests, can cut
/// the connection half-way through a file once, and answers 401 for paths of a gated repo without the right token.
/// </summary>
internal sealed class FakeHub : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public FakeHub()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    /// <summary>URL path (<c>/repo/resolve/main/file</c>) to content.</summary>
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths whose first full request is cut after half the bytes.</summary>
    public HashSet<string> CutOnce { get; } = new(StringComparer.Ordinal);

    /// <summary>Path prefix of a gated repo and the token it accepts.</summary>
    public (string Prefix, string Token)? Gated { get; set; }

    /// <summary>Range headers received, in order.</summary>
    public List<string?> Ranges { get; } = [];

    public void Dispose()
    {
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContext.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                await AnswerAsync(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away.
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var range = context.Request.Headers["Range"];
        lock (Ranges)
        {
            Ranges.Add(range);
        }

        var response = context.Response;
        if (Gated is { } gated && path.StartsWith(gated.Prefix, StringComparison.Ordinal) && context.Request.Headers["Authorization"] != $"Bearer {gated.Token}")
        {
            response.StatusCode = 401;
            response.Close();
            return;
        }

        if (!Files.TryGetValue(path, out var content))
        {
            response.StatusCode = 404;
            response.Close();
            return;
        }

        var start = range is { } r && r.StartsWith("bytes=", StringComparison.Ordinal) ? long.Parse(r[6..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (start >= content.Length && start > 0)
        {
            response.StatusCode = 416;
            response.Close();
            return;
        }

        response.StatusCode = start > 0 ? 206 : 200;
        response.ContentLength64 = content.Length - start;
        if (start == 0 && CutOnce.Remove(path))
        {
            await response.OutputStream.WriteAsync(content.AsMemory(0, content.Length / 2));
            await response.OutputStream.FlushAsync();
            response.Abort();
            return;
        }

        await response.OutputStream.WriteAsync(content.AsMemory((int)start));
        response.Close();
    }
}
