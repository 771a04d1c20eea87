using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatRag.Server.Tests;

/// <summary>
/// A loopback stand-in for <c>POST /api/v1/chat</c> that answers plain chats with a JSON answer and each streamed chat
/// with the next of <see cref="Streams"/>, written as given: for clients that must read any valid SSE framing, not
/// only the one our server writes.
/// </summary>
internal sealed class FakeChatStreamServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private int streamed;

    public FakeChatStreamServer(params string[] streams)
    {
        Streams = streams;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(Endpoint);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    /// <summary>The bodies of the streamed answers, in order (the last one repeats).</summary>
    public IReadOnlyList<string> Streams { get; }

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
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var request = await reader.ReadToEndAsync();
        var stream = request.Contains("\"stream\":true", StringComparison.Ordinal);
        string body;
        if (stream)
        {
            context.Response.ContentType = "text/event-stream";
            body = Streams[Math.Min(Interlocked.Increment(ref streamed), Streams.Count) - 1];
        }
        else
        {
            context.Response.ContentType = "application/json";
            body = $"{{\"answer\":\"Ice.\",\"conversationId\":\"{Guid.NewGuid()}\"}}";
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
