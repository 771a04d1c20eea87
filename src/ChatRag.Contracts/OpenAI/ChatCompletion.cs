using System.Text.Json.Serialization;
using ChatRag.Contracts.Chat;

namespace ChatRag.Contracts.OpenAI;

/// <summary>Answer of a non-streaming <c>POST /v1/chat/completions</c> (<c>object: chat.completion</c>).</summary>
/// <param name="Id">A fresh <c>chatcmpl-…</c> id.</param>
/// <param name="Created">Unix seconds.</param>
/// <param name="Model">The requested model name.</param>
/// <param name="Choices">Exactly one choice.</param>
/// <param name="Usage">Token counts (see the README for how they are counted).</param>
/// <param name="Mode">Extension: <c>generative</c> or <c>extractive</c>.</param>
/// <param name="Found">Extension: whether the documents answer the question (as <c>found</c> on <c>/api/v1/chat</c>).</param>
public sealed record ChatCompletion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("choices")] IReadOnlyList<ChatCompletionChoice> Choices,
    [property: JsonPropertyName("usage")] ChatCompletionUsage Usage,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("found")] bool Found = true)
{
    /// <summary>Always <c>chat.completion</c>.</summary>
    [JsonPropertyName("object")]
    public string Object => "chat.completion";
}

/// <summary>A choice of <see cref="ChatCompletion"/>.</summary>
/// <param name="Index">Always 0.</param>
/// <param name="Message">The assistant's answer.</param>
/// <param name="FinishReason">Always <c>stop</c>.</param>
public sealed record ChatCompletionChoice(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("message")] ChatCompletionMessage Message,
    [property: JsonPropertyName("finish_reason")] string FinishReason);

/// <summary>The assistant message of a completion.</summary>
/// <param name="Content">The answer with its <c>[n]</c> markers.</param>
/// <param name="ReasoningContent">The model's reasoning, when it streamed any (as vLLM and DeepSeek name it).</param>
/// <param name="Citations">Extension: the checked citations, by the numbers used in the answer (the <c>/api/v1/chat</c> shape).</param>
public sealed record ChatCompletionMessage(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("reasoning_content"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReasoningContent,
    [property: JsonPropertyName("citations")] IReadOnlyList<ChatCitation> Citations)
{
    /// <summary>Always <c>assistant</c>.</summary>
    [JsonPropertyName("role")]
    public string Role => "assistant";
}

/// <summary>Token counts of a completion.</summary>
/// <param name="PromptTokens">Tokens in.</param>
/// <param name="CompletionTokens">Tokens out.</param>
/// <param name="TotalTokens">Both.</param>
public sealed record ChatCompletionUsage(
    [property: JsonPropertyName("prompt_tokens")] long PromptTokens,
    [property: JsonPropertyName("completion_tokens")] long CompletionTokens,
    [property: JsonPropertyName("total_tokens")] long TotalTokens);
