using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatRag.Server.Tests;

/// <summary>
/// A tiny OpenAI-compatible server on a loopback port: every <c>POST /v1/chat/completions</c> answers one fixed text,
/// streamed as chunks when the request asks for a stream. Request bodies are recorded.
/// </summary>
internal sealed class FakeOpenAIEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeOpenAIEndpoint(WebApplication app, string answer)
    {
        this.app = app;
        Answer = answer;
    }

    public string Answer { get; }

    public List<JsonElement> Requests { get; } = [];

    public Uri V1 { get; private set; } = null!;

    public static async Task<FakeOpenAIEndpoint> StartAsync(string answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeOpenAIEndpoint(builder.Build(), answer);
        fake.app.MapPost("/v1/chat/completions", fake.HandleAsync);
        await fake.app.StartAsync();
        var address = fake.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.V1 = new Uri(address.TrimEnd('/') + "/v1");
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement.Clone();
        lock (Requests)
        {
            Requests.Add(body);
        }

        if (body.TryGetProperty("stream", out var stream) && stream.GetBoolean())
        {
            context.Response.ContentType = "text/event-stream";
            var pieces = Answer.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToList();
            for (var i = 0; i < pieces.Count; i++)
            {
                object delta = i == 0 ? new { role = "assistant", content = pieces[i] } : new { content = pieces[i] };
                await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(Chunk(delta, null)) + "\n\n");
            }

            await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(Chunk(new { }, "stop")) + "\n\n");
            await context.Response.WriteAsync("data: [DONE]\n\n");
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "fake-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = Answer }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 7, completion_tokens = 3, total_tokens = 10 },
        }));
    }

    private static object Chunk(object delta, string? finishReason) => new
    {
        id = "chatcmpl-fake",
        @object = "chat.completion.chunk",
        created = 1_700_000_000,
        model = "fake-model",
        choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
    };
}
