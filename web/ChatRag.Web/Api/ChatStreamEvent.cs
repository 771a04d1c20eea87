using ChatRag.Contracts.Chat;

namespace ChatRag.Web.Api;

/// <summary>
/// One Server-Sent Event of a streamed chat answer, already parsed: exactly one payload is set, matching
/// <see cref="Name"/> (<c>thought</c>, <c>delta</c>, <c>tool</c>, <c>citation</c>, <c>done</c> or <c>error</c>).
/// </summary>
public sealed record ChatStreamEvent(
    string Name,
    string? Text = null,
    TraceToolCall? Tool = null,
    ChatCitation? Citation = null,
    ChatResponse? Done = null,
    ApiProblem? Error = null)
{
    /// <summary>A piece of the model's reasoning.</summary>
    public static ChatStreamEvent Thought(string text) => new("thought", Text: text);

    /// <summary>A piece of the answer.</summary>
    public static ChatStreamEvent Delta(string text) => new("delta", Text: text);

    /// <summary>A finished tool call.</summary>
    public static ChatStreamEvent ToolCall(TraceToolCall call) => new("tool", Tool: call);

    /// <summary>A resolved citation.</summary>
    public static ChatStreamEvent Cited(ChatCitation citation) => new("citation", Citation: citation);

    /// <summary>The complete answer (final text, citations, trace).</summary>
    public static ChatStreamEvent Completed(ChatResponse response) => new("done", Done: response);

    /// <summary>An error after streaming began.</summary>
    public static ChatStreamEvent Failed(ApiProblem problem) => new("error", Error: problem);
}
