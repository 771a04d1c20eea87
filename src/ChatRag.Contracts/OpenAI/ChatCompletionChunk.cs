using System.Text.Json.Serialization;
using ChatRag.Contracts.Chat;

namespace ChatRag.Contracts.OpenAI;

/// <summary>One <c>data:</c> event of a streamed completion (<c>object: chat.completion.chunk</c>).</summary>
/// <param name="Id">The same id on every chunk of one answer.</param>
/// <param name="Created">Unix seconds.</param>
/// <param name="Model">The requested model name.</param>
/// <param name="Choices">One choice.</param>
/// <param name="Usage">Token counts, on the final chunk only.</param>
/// <param name="Citations">Extension: the checked citations, on the final chunk only.</param>
/// <param name="Mode">Extension: <c>generative</c> or <c>extractive</c>, on the final chunk only.</param>
/// <param name="Found">Extension: whether the documents answer the question, on the final chunk only.</param>
public sealed record ChatCompletionChunk(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("choices")] IReadOnlyList<ChatCompletionChunkChoice> Choices,
    [property: JsonPropertyName("usage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ChatCompletionUsage? Usage = null,
    [property: JsonPropertyName("citations"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChatCitation>? Citations = null,
    [property: JsonPropertyName("mode"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Mode = null,
    [property: JsonPropertyName("found"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Found = null)
{
    /// <summary>Always <c>chat.completion.chunk</c>.</summary>
    [JsonPropertyName("object")]
    public string Object => "chat.completion.chunk";
}

/// <summary>A choice of <see cref="ChatCompletionChunk"/>.</summary>
/// <param name="Index">Always 0.</param>
/// <param name="Delta">What to append.</param>
/// <param name="FinishReason"><c>stop</c> on the final chunk, else null.</param>
public sealed record ChatCompletionChunkChoice(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("delta")] ChatCompletionDelta Delta,
    [property: JsonPropertyName("finish_reason")] string? FinishReason);

/// <summary>A piece of the assistant message; absent parts are omitted.</summary>
/// <param name="Role"><c>assistant</c> on the first chunk only.</param>
/// <param name="Content">Answer text to append.</param>
/// <param name="ReasoningContent">Reasoning text to append.</param>
public sealed record ChatCompletionDelta(
    [property: JsonPropertyName("role"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null,
    [property: JsonPropertyName("content"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Content = null,
    [property: JsonPropertyName("reasoning_content"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReasoningContent = null);
