using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A stand-in for vLLM or Ollama: an OpenAI-compatible <c>/v1/chat/completions</c> on loopback that streams a fixed,
/// cited answer one word at a time, and records when a client hangs up mid-stream (what Stop must cause).
/// </summary>
public sealed class SlowChatEndpoint : IAsyncDisposable
{
    /// <summary>The model name the server is configured with.</summary>
    public const string ModelName = "slow-test-model";

    /// <summary>The streamed answer: 60 words, long enough for a test to stop it half way.</summary>
    public const string Answer =
        "The Harrow Point lighthouse was built in 1872 by the engineer Maria Ostrand [1]. " +
        "Its first-order Fresnel lens throws a white flash every ten seconds, visible for twenty-two nautical miles [1]. " +
        "Three keepers lived on the point until the light was automated in 1961, and the last head keeper, Tomas Brenn, " +
        "kept a weather diary that the county museum now holds [1].";

    private readonly WebApplication app;
    private readonly TimeSpan perWord;
    private int aborted;
    private int completed;

    private SlowChatEndpoint(WebApplication app, TimeSpan perWord)
    {
        this.app = app;
        this.perWord = perWord;
    }

    /// <summary>The base address including <c>/v1/</c>.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Streams the client closed before the answer ended.</summary>
    public int AbortedStreams => Volatile.Read(ref aborted);

    /// <summary>Streams sent to the end.</summary>
    public int CompletedStreams => Volatile.Read(ref completed);

    /// <summary>Starts listening on a free loopback port.</summary>
    public static async Task<SlowChatEndpoint> StartAsync(TimeSpan perWord)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new SlowChatEndpoint(app, perWord);
        app.MapGet("/v1/models", () => Results.Json(new { @object = "list", data = new[] { new { id = ModelName, @object = "model" } } }));
        app.MapPost("/v1/chat/completions", endpoint.CompleteAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        endpoint.BaseAddress = new Uri($"{address.TrimEnd('/')}/v1/");
        return endpoint;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static string Chunk(string? content, string? finish) => JsonSerializer.Serialize(new JsonObject
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = ModelName,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = content is null ? new JsonObject() : new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = finish,
        }),
    });

    private async Task CompleteAsync(HttpContext context)
    {
        var request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        if (request?["stream"]?.GetValue<bool>() != true)
        {
            // Only the follow-up rewrite asks without streaming; echo the question so retrieval is unchanged.
            var question = request?["messages"]?.AsArray().LastOrDefault()?["content"]?.ToString() ?? string.Empty;
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["id"] = "chatcmpl-test",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = ModelName,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = question },
                    ["finish_reason"] = "stop",
                }),
            });
            return;
        }

        context.Response.ContentType = "text/event-stream";
        try
        {
            foreach (var word in Answer.Split(' '))
            {
                await context.Response.WriteAsync($"data: {Chunk(word + " ", null)}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(perWord, context.RequestAborted);
            }

            await context.Response.WriteAsync($"data: {Chunk(null, "stop")}\n\ndata: [DONE]\n\n", context.RequestAborted);
            Interlocked.Increment(ref completed);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref aborted);
        }
        catch (IOException)
        {
            Interlocked.Increment(ref aborted);
        }
    }
}
