using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatRag.Chat.Orchestration;
using ChatRag.Server.Errors;

namespace ChatRag.Server.Endpoints;

/// <summary>
/// Chat events as Server-Sent Events (<c>event: name</c>, <c>data: one JSON object</c>) through the platform's
/// <see cref="TypedResults.ServerSentEvents{T}(IAsyncEnumerable{SseItem{T}})"/> (its <c>SseFormatter</c> frames and
/// flushes every event). The first event is awaited before the result is returned, so errors before it (unknown
/// conversation, bad collection) still get a real status and problem details; an error after it becomes an
/// <c>error</c> event with a problem-like object.
/// </summary>
internal static class ChatEventStream
{
    public static async Task<IResult> StartAsync(HttpContext http, IAsyncEnumerable<ChatTurnEvent> events, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var enumerator = events.GetAsyncEnumerator(cancellationToken);
        if (!await SseStreams.FirstAsync(enumerator))
        {
            return Results.Empty;
        }

        SseStreams.DisableProxyBuffering(http);
        return TypedResults.ServerSentEvents(ItemsAsync(http, enumerator, json));
    }

    private static async IAsyncEnumerable<SseItem<string>> ItemsAsync(
        HttpContext http, IAsyncEnumerator<ChatTurnEvent> enumerator, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using (enumerator)
        {
            yield return Item(enumerator.Current, json);
            while (true)
            {
                SseItem<string> next;
                var failed = false;
                try
                {
                    if (!await enumerator.MoveNextAsync())
                    {
                        yield break;
                    }

                    next = Item(enumerator.Current, json);
                }
                catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
                {
                    var problem = ProblemMapping.For(e, clientAborted: false);
                    if (problem.Status >= 500)
                    {
                        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChatEventStream)).LogError(e, "Chat stream failed");
                    }

                    next = Item("error", problem, json);
                    failed = true;
                }

                yield return next;
                if (failed)
                {
                    yield break;
                }
            }
        }
    }

    private static SseItem<string> Item(ChatTurnEvent e, JsonSerializerOptions json)
    {
        var (name, payload) = ChatEventWire.ToWire(e);
        return Item(name, payload, json);
    }

    // Serialized here, with the API's JSON options and the payload's runtime type, so the data is exactly what a plain response would hold.
    private static SseItem<string> Item(string name, object payload, JsonSerializerOptions json) =>
        new(JsonSerializer.Serialize(payload, payload.GetType(), json), name);
}
