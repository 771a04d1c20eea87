using ChatRag.Chat.Orchestration;
using ChatRag.Contracts.Chat;

namespace ChatRag.Server.Endpoints;

/// <summary>
/// The one place where the chat engine's typed events become the REST contract: the SSE event name of
/// <c>/api/v1/chat</c> and the contract record sent as its JSON <c>data</c>. The OpenAI-compatible stream reads the
/// same typed events and shapes its own chunks.
/// </summary>
internal static class ChatEventWire
{
    /// <summary>The SSE event name and its payload for one chat event.</summary>
    public static (string Name, object Payload) ToWire(ChatTurnEvent e) => e switch
    {
        ThoughtDelta thought => ("thought", new TextChunkEvent(thought.Text)),
        ToolInvoked tool => ("tool", tool.Call.ToContract()),
        AnswerDelta delta => ("delta", new TextChunkEvent(delta.Text)),
        CitationResolved citation => ("citation", citation.Citation.ToContract()),
        TurnCompleted done => ("done", done.Response.ToContract()),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Not a chat event this server knows how to send."),
    };
}
