using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRag.Contracts.OpenAI;

/// <summary>
/// Body of <c>POST /v1/chat/completions</c> (the OpenAI wire format). Only what the grounded pipeline uses is read;
/// sampling fields such as <c>temperature</c> are accepted and ignored, since the server's decoder settings apply.
/// </summary>
/// <param name="Model"><c>chatrag/&lt;collection&gt;</c>, as listed by <c>GET /v1/models</c>.</param>
/// <param name="Messages">The conversation: the last <c>user</c> message is the question, earlier user and assistant messages the history.</param>
/// <param name="Stream">True for <c>chat.completion.chunk</c> Server-Sent Events ending in <c>data: [DONE]</c>.</param>
public sealed record ChatCompletionRequest(
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("messages")] IReadOnlyList<ChatCompletionRequestMessage>? Messages,
    [property: JsonPropertyName("stream")] bool? Stream = null)
{
    /// <summary>
    /// ChatRag extension: answer only from these documents of the model's collection (at most 100; each must exist
    /// there, else a 404 error). OpenAI SDKs send it as an extra body field.
    /// </summary>
    [JsonPropertyName("documentIds")]
    public IReadOnlyList<Guid>? DocumentIds { get; init; }
}

/// <summary>A message of a chat completion request (<c>messages</c>).</summary>
/// <param name="Role"><c>system</c>, <c>developer</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</param>
/// <param name="Content">A string, or an array of content parts of which the <c>text</c> parts are read.</param>
public sealed record ChatCompletionRequestMessage(
    [property: JsonPropertyName("role")] string? Role,
    [property: JsonPropertyName("content")] JsonElement? Content);
