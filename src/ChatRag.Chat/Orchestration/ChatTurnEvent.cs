using ChatRag.Chat.Citations;
using ChatRag.Chat.Tools;

namespace ChatRag.Chat.Orchestration;

/// <summary>
/// One event of a streamed chat turn, in the order <see cref="ThoughtDelta"/>*, <see cref="ToolInvoked"/>*,
/// <see cref="AnswerDelta"/>+, <see cref="CitationResolved"/>*, then one <see cref="TurnCompleted"/>. The hierarchy is
/// closed (the constructor is not visible outside this assembly), so a consumer's switch over these five is complete;
/// the wire names and shapes are the server's business, not the engine's.
/// </summary>
public abstract record ChatTurnEvent
{
    private protected ChatTurnEvent()
    {
    }
}

/// <summary>A piece of the model's reasoning, shown apart from the answer.</summary>
/// <param name="Text">The text to append to the reasoning.</param>
public sealed record ThoughtDelta(string Text) : ChatTurnEvent;

/// <summary>A tool the model called, with its arguments and what it returned.</summary>
/// <param name="Call">The call as the trace records it.</param>
public sealed record ToolInvoked(ToolCallRecord Call) : ChatTurnEvent;

/// <summary>A piece of the answer text (citation markers that point nowhere already removed).</summary>
/// <param name="Text">The text to append to the answer.</param>
public sealed record AnswerDelta(string Text) : ChatTurnEvent;

/// <summary>A citation of the final answer, checked against its source.</summary>
/// <param name="Citation">The checked citation.</param>
public sealed record CitationResolved(SourceCitation Citation) : ChatTurnEvent;

/// <summary>The turn's result: the checked answer, its citations, the trace, and the stored conversation.</summary>
/// <param name="Response">The result.</param>
public sealed record TurnCompleted(TurnResult Response) : ChatTurnEvent;
