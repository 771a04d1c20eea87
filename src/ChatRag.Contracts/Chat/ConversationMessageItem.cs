namespace ChatRag.Contracts.Chat;

/// <summary>A stored message.</summary>
/// <param name="Role"><c>user</c> or <c>assistant</c>.</param>
/// <param name="Content">The text.</param>
/// <param name="Citations">The assistant's citations, else null.</param>
/// <param name="Trace">The assistant's trace, else null.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record ConversationMessageItem(string Role, string Content, IReadOnlyList<ChatCitation>? Citations, ChatTrace? Trace, DateTimeOffset CreatedAt);
