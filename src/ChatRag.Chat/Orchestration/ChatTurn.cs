using ChatRag.Core.Conversations;

namespace ChatRag.Chat.Orchestration;

/// <summary>One user message to answer.</summary>
/// <param name="Message">The message.</param>
/// <param name="ConversationId">Conversation to continue, or null to start one.</param>
/// <param name="Collection">The collection to answer from (already checked against the caller's scope).</param>
/// <param name="Owner">The caller's key id when the key is scoped (conversations are private to it), else null.</param>
/// <param name="History">
/// Earlier messages the caller sent itself (the OpenAI-compatible route, where the client owns the history). When set,
/// no stored conversation is read or written: the turn is stateless and its result carries an empty conversation id.
/// </param>
/// <param name="Thinking">Thinking on or off for this turn, or null for the decoder's configured mode.</param>
/// <param name="Model">The configured decoder to answer with, or null for the default one.</param>
public sealed record ChatTurn(
    string Message, Guid? ConversationId, string Collection, Guid? Owner, IReadOnlyList<ConversationMessage>? History = null, bool? Thinking = null, string? Model = null)
{
    /// <summary>
    /// The documents to answer from. Null keeps the stored conversation's choice (none for a new one); an empty list
    /// returns to the whole collection. A stored conversation remembers a given choice for its follow-up turns.
    /// </summary>
    public IReadOnlyList<Guid>? Documents { get; init; }
}
