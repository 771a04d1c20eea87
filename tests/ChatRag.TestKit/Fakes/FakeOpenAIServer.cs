using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatRag.TestKit.Fakes;

/// <summary>
/// A real HTTP server on 127.0.0.1 and a random port that answers <c>POST /v1/chat/completions</c> with scripted
/// replies, in order, and records each request's body and Authorization header. With <see cref="AnswerAlways"/> it
/// answers every request that finds no scripted reply with one fixed text, streamed word by word when asked to.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> replies = new();

    private FakeOpenAIServer(WebApplication app) => this.app = app;

    public List<RecordedRequest> Requests { get; } = [];

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The text every unscripted request gets (see <see cref="AnswerAlways"/>); null when none is set.</summary>
    public string? Answer { get; private set; }

    /// <summary>The <c>/v1</c> address a client is configured with.</summary>
    public Uri V1 => new(BaseAddress, "v1");

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public void ReplyJson(object body, int status = 200) => replies.Enqueue(JsonOf(body, status));

    public void ReplyText(string assistantText) => ReplyJson(Completion(new { role = "assistant", content = assistantText }, "stop"));

    public void ReplyToolCall(string callId, string name, string argumentsJson) => ReplyJson(Completion(
        new { role = "assistant", content = (string?)null, tool_calls = new[] { new { id = callId, type = "function", function = new { name, arguments = argumentsJson } } } },
        "tool_calls"));

    public void ReplyStream(params string[] deltas) => replies.Enqueue(StreamOf(deltas));

    private static Func<HttpContext, Task> JsonOf(object body, int status) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body));
    };

    private static Func<HttpContext, Task> StreamOf(string[] deltas) => async context =>
    {
        context.Response.ContentType = "text/event-stream";
        var chunks = deltas.Select((d, i) => Chunk(i == 0 ? new { role = "assistant", content = d } : (object)new { content = d }, null))
            .Append(Chunk(new { }, "stop"));
        foreach (var chunk in chunks)
        {
            await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
            await context.Response.Body.FlushAsync();
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    };

    /// <summary>Answers every request that finds no scripted reply with <paramref name="answer"/>, as JSON or as a stream.</summary>
    public void AnswerAlways(string answer) => Answer = answer;

    public void ReplyError(int status, string message) =>
        ReplyJson(new { error = new { message, type = "server_error", code = (string?)null } }, status);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(JsonDocument.Parse(body).RootElement.Clone(), context.Request.Headers.Authorization.ToString()));
        }

        if (!replies.TryDequeue(out var reply) && Answer is { } answer)
        {
            var json = JsonDocument.Parse(body).RootElement;
            reply = json.TryGetProperty("stream", out var stream) && stream.GetBoolean()
                ? StreamOf(answer.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToArray())
                : JsonOf(Completion(new { role = "assistant", content = answer }, "stop"), 200);
        }

        if (reply is null)
        {
            context.Response.StatusCode = 599;
            await context.Response.WriteAsync("no scripted reply left");
            return;
        }

        await reply(context);
    }

    private static object Completion(object message, string finishReason) => new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "test-model",
        choices = new[] { new { index = 0, message, finish_reason = finishReason } },
        usage = new { prompt_tokens = 7, completion_tokens = 3, total_tokens = 10 },
    };

    private static object Chunk(object delta, string? finishReason) => new
    {
        id = "chatcmpl-test",
        @object = "chat.completion.chunk",
        created = 1_700_000_000,
        model = "test-model",
        choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
    };
}
