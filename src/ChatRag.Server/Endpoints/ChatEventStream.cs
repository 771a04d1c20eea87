using System.Text;
using System.Text.Json;
using ChatRag.Chat.Orchestration;
using ChatRag.Server.Errors;

namespace ChatRag.Server.Endpoints;

/// <summary>
/// Writes chat events as Server-Sent Events (<c>event: name</c>, <c>data: one JSON object</c>). Nothing is written
/// until the first event exists, so errors before it (unknown conversation, bad collection) still get a real status
/// and problem details; an error after it becomes an <c>error</c> event with a problem-like object.
/// </summary>
internal static class ChatEventStream
{
    public static async Task WriteAsync(HttpContext http, IAsyncEnumerable<ChatEvent> events, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        await using var enumerator = events.GetAsyncEnumerator(cancellationToken);
        if (!await enumerator.MoveNextAsync())
        {
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await WriteEventAsync(http, enumerator.Current.Name, enumerator.Current.Payload, json, cancellationToken);
        while (true)
        {
            ChatEvent current;
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    return;
                }

                current = enumerator.Current;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var problem = ProblemMapping.For(e, clientAborted: false);
                if (problem.Status >= 500)
                {
                    http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChatEventStream)).LogError(e, "Chat stream failed");
                }

                await WriteEventAsync(http, "error", problem, json, CancellationToken.None);
                return;
            }

            await WriteEventAsync(http, current.Name, current.Payload, json, cancellationToken);
        }
    }

    private static async Task WriteEventAsync(HttpContext http, string name, object payload, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Serialize(payload, payload.GetType(), json);
        await http.Response.WriteAsync($"event: {name}\ndata: {data}\n\n", Encoding.UTF8, cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }
}
