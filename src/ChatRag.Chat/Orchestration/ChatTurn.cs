namespace ChatRag.Chat.Orchestration;

/// <summary>One user message to answer.</summary>
/// <param name="Message">The message.</param>
/// <param name="ConversationId">Conversation to continue, or null to start one.</param>
/// <param name="Collection">The collection to answer from (already checked against the caller's scope).</param>
/// <param name="Owner">The caller's key id when the key is scoped (conversations are private to it), else null.</param>
public sealed record ChatTurn(string Message, Guid? ConversationId, string Collection, Guid? Owner);
