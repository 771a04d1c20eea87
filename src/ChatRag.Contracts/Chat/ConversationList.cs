namespace ChatRag.Contracts.Chat;

/// <summary>Response of <c>GET /api/v1/conversations</c>, most recently updated first.</summary>
/// <param name="Conversations">The caller's conversations.</param>
public sealed record ConversationList(IReadOnlyList<ConversationSummaryItem> Conversations);
