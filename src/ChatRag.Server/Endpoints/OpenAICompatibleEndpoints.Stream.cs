using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ChatRag.Chat.Orchestration;
using ChatRag.Contracts.Chat;
using ChatRag.Contracts.OpenAI;
using ChatRag.Server.Errors;

namespace ChatRag.Server.Endpoints;

/// <summary>The streamed completion.</summary>
public static partial class OpenAICompatibleEndpoints
{
    /// <summary>
    /// Writes chat events as OpenAI <c>chat.completion.chunk</c> events: the first carries the role, <c>thought</c>
    /// becomes <c>reasoning_content</c>, <c>delta</c> becomes <c>content</c>, tool calls stay server-side (an OpenAI
    /// client would try to run them itself), and <c>done</c> becomes the final chunk with <c>finish_reason: stop</c>,
    /// <c>usage</c>, <c>citations</c> and <c>mode</c>, followed by <c>data: [DONE]</c>. As on <c>/api/v1/chat</c>,
    /// nothing is written before the first event, so early errors keep their status; a later one becomes a
    /// <c>data: {"error": …}</c> event, which OpenAI SDKs raise, and no <c>[DONE]</c>.
    /// </summary>
    private static class ChunkStream
    {
        public static async Task<IResult> StartAsync(
            HttpContext http, IAsyncEnumerable<ChatTurnEvent> events, ReplyHeader reply, UsageCounter usage, JsonSerializerOptions json, CancellationToken cancellationToken)
        {
            var enumerator = events.GetAsyncEnumerator(cancellationToken);
            if (!await SseStreams.FirstAsync(enumerator))
            {
                return Results.Empty;
            }

            SseStreams.DisableProxyBuffering(http);
            return TypedResults.ServerSentEvents(ItemsAsync(http, enumerator, reply, usage, json));
        }

        private static async IAsyncEnumerable<SseItem<string>> ItemsAsync(
            HttpContext http, IAsyncEnumerator<ChatTurnEvent> enumerator, ReplyHeader reply, UsageCounter usage, JsonSerializerOptions json,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await using (enumerator)
            {
                yield return Data(Chunk(reply, new ChatCompletionDelta(Role: "assistant", Content: string.Empty)), json);
                var reasoning = new StringBuilder();
                var current = enumerator.Current;
                while (true)
                {
                    if (Map(current, reply, usage, reasoning) is { } chunk)
                    {
                        yield return Data(chunk, json);
                    }

                    if (current is TurnCompleted)
                    {
                        yield return new SseItem<string>("[DONE]");
                        yield break;
                    }

                    SseItem<string>? failed = null;
                    try
                    {
                        if (!await enumerator.MoveNextAsync())
                        {
                            yield break;
                        }

                        current = enumerator.Current;
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
                    {
                        var problem = ProblemMapping.For(e, clientAborted: false);
                        if (problem.Status >= 500)
                        {
                            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenAICompatibleEndpoints)).LogError(e, "Chat completion stream failed");
                        }

                        failed = Data(new ErrorResponse(new ErrorBody(problem.Detail ?? problem.Title ?? "The answer failed.", problem.Status >= 500 ? "server_error" : "invalid_request_error", null, null)), json);
                    }

                    if (failed is { } error)
                    {
                        yield return error;
                        yield break;
                    }
                }
            }
        }

        private static ChatCompletionChunk? Map(ChatTurnEvent e, ReplyHeader reply, UsageCounter usage, StringBuilder reasoning) => e switch
        {
            ThoughtDelta thought => Chunk(reply, new ChatCompletionDelta(ReasoningContent: Append(reasoning, thought.Text))),
            AnswerDelta text => Chunk(reply, new ChatCompletionDelta(Content: text.Text)),
            TurnCompleted completed => Final(reply, usage, reasoning, completed.Response.ToContract()),
            _ => null,
        };

        private static ChatCompletionChunk Final(ReplyHeader reply, UsageCounter usage, StringBuilder reasoning, ChatResponse done) =>
            Chunk(reply, new ChatCompletionDelta(), "stop") with
            {
                Usage = usage.For(done, reasoning.ToString()),
                Citations = done.Citations,
                Mode = done.Mode,
                Found = done.Found,
            };

        private static string Append(StringBuilder reasoning, string text)
        {
            reasoning.Append(text);
            return text;
        }

        private static ChatCompletionChunk Chunk(ReplyHeader reply, ChatCompletionDelta delta, string? finish = null) =>
            new(reply.Id, reply.Created, reply.Model, [new ChatCompletionChunkChoice(0, delta, finish)]);

        // No event name: OpenAI streams are bare data lines, and SseFormatter writes no "event:" for an item without one.
        private static SseItem<string> Data<T>(T payload, JsonSerializerOptions json) => new(JsonSerializer.Serialize(payload, json));
    }
}
