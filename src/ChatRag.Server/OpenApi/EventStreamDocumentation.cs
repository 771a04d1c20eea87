using ChatRag.Contracts.Chat;
using ChatRag.Contracts.OpenAI;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatRag.Server.OpenApi;

/// <summary>
/// The <c>text/event-stream</c> answers, which OpenAPI 3.1 cannot type by itself: the schema of one event (its name
/// and its JSON payload, one alternative per event type) and a sample stream. Attached to the two streaming routes with
/// <c>AddOpenApiOperationTransformer</c>.
/// </summary>
internal static class EventStreamDocumentation
{
    private const string EventStream = "text/event-stream";

    /// <summary>The events of <c>POST /api/v1/chat</c> with <c>"stream": true</c>.</summary>
    public static async Task DescribeChatEventsAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var text = await ComponentAsync<TextChunkEvent>(context, cancellationToken);
        var events = new OpenApiSchema
        {
            Description = """
                One Server-Sent Event of a streamed answer, written as `event: <event>`, `data: <data as one line of JSON>` and a
                blank line. In order: `thought` (the model's reasoning, when it streams any), `tool` (each tool call, after it ran),
                `delta` (answer text to append), `citation` (each checked citation, after the answer), then exactly one `done` with
                the whole answer, the same object as the JSON response. An error before the first event is a normal problem
                details response with its status; an error after it is an `error` event and ends the stream.
                """,
            OneOf =
            [
                Event("thought", "Reasoning text to append (models that reason only).", text),
                Event("tool", "A tool call the model made, with its result.", await ComponentAsync<TraceToolCall>(context, cancellationToken)),
                Event("delta", "Answer text to append; it may contain `[n]` citation markers.", text),
                Event("citation", "A checked citation of the final answer.", await ComponentAsync<ChatCitation>(context, cancellationToken)),
                Event("done", "The final answer, citations and trace; the stream ends after it.", await ComponentAsync<ChatResponse>(context, cancellationToken)),
                Event("error", "The answer failed after the stream started; the stream ends after it.", await ComponentAsync<ProblemDetails>(context, cancellationToken)),
            ],
        };
        SetStream(operation, events, """
            event: delta
            data: {"text":"Clean the air filter every two months during the heating season, and before the first start after summer [1]."}

            event: citation
            data: {"index":1,"documentId":"3f2c1a9e-5b7d-4e0f-9a61-2d8c4b7e1f05","documentName":"heat-pump-manual.pdf","chunkId":412,"text":"Maintenance. Clean the air filter every two months during the heating season, and before the first start after summer.","page":14,"startOffset":20311,"endOffset":20428,"supported":true,"score":0.92,"claims":[],"ocrConfidence":null}

            event: done
            data: {"conversationId":"8b4e7d21-9c3a-4f6b-a2d0-51e9c7f3b804","answer":"Clean the air filter every two months during the heating season, and before the first start after summer [1].","citations":[…],"mode":"generative","trace":{…}}


            """);
    }

    /// <summary>The chunks of <c>POST /v1/chat/completions</c> with <c>"stream": true</c>.</summary>
    public static async Task DescribeCompletionChunksAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var chunk = await ComponentAsync<ChatCompletionChunk>(context, cancellationToken);
        var events = new OpenApiSchema
        {
            Description = """
                OpenAI's stream: each event is `data: <one chat.completion.chunk as JSON>` and a blank line. The first chunk carries
                `role`, then `reasoning_content` and `content` pieces follow; the last chunk has `finish_reason: stop` with `usage`,
                `citations` and `mode`, and the stream ends with `data: [DONE]`. An error after the first chunk is sent as
                `data: {"error": {...}}` (OpenAI SDKs raise it) and no `[DONE]` follows.
                """,
            OneOf = [chunk, await ComponentAsync<ErrorResponse>(context, cancellationToken)],
        };
        SetStream(operation, events, """
            data: {"id":"chatcmpl-5f0c9a7e2b4d4e1c8a3f6d9b0e2c7a41","created":1765013412,"model":"chatrag/manuals","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"object":"chat.completion.chunk"}

            data: {"id":"chatcmpl-5f0c9a7e2b4d4e1c8a3f6d9b0e2c7a41","created":1765013412,"model":"chatrag/manuals","choices":[{"index":0,"delta":{"content":"Clean the air filter every two months [1]."},"finish_reason":null}],"object":"chat.completion.chunk"}

            data: {"id":"chatcmpl-5f0c9a7e2b4d4e1c8a3f6d9b0e2c7a41","created":1765013412,"model":"chatrag/manuals","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":1830,"completion_tokens":31,"total_tokens":1861},"citations":[…],"mode":"generative","object":"chat.completion.chunk"}

            data: [DONE]


            """);
    }

    private static OpenApiSchema Event(string name, string description, IOpenApiSchema payload) => new()
    {
        Title = name,
        Description = description,
        Type = JsonSchemaType.Object,
        Required = new HashSet<string>(["event", "data"], StringComparer.Ordinal),
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["event"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = name, Description = $"The SSE event name, `{name}`." },
            ["data"] = WithDescription(payload, "The event's JSON payload."),
        },
    };

    private static IOpenApiSchema WithDescription(IOpenApiSchema payload, string description) =>
        payload is OpenApiSchemaReference reference ? new OpenApiSchemaReference(reference.Reference.Id!, reference.Reference.HostDocument) { Description = description } : payload;

    private static void SetStream(OpenApiOperation operation, OpenApiSchema events, string sample)
    {
        operation.Responses ??= new OpenApiResponses();
        if (!operation.Responses.TryGetValue("200", out var ok) || ok is not OpenApiResponse response)
        {
            response = new OpenApiResponse();
            operation.Responses["200"] = response;
        }

        response.Description = "The answer: one JSON object, or with `\"stream\": true` a `text/event-stream` of the events below.";
        response.Content ??= new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
        response.Content[EventStream] = new OpenApiMediaType { Schema = events, Example = System.Text.Json.Nodes.JsonValue.Create(sample.ReplaceLineEndings("\n")) };
    }

    private static async Task<IOpenApiSchema> ComponentAsync<T>(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        var id = typeof(T).Name;
        if (document.Components?.Schemas?.ContainsKey(id) != true)
        {
            document.AddComponent(id, await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken));
        }

        return new OpenApiSchemaReference(id, document);
    }
}
