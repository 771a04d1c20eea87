namespace ChatRag.Core.Conversations;

/// <summary>One message of a conversation. Citations and trace are stored as the JSON the API returned.</summary>
/// <param name="Role"><c>user</c> or <c>assistant</c>.</param>
/// <param name="Content">The message text.</param>
/// <param name="CitationsJson">The assistant's citations as JSON, or null.</param>
/// <param name="TraceJson">The assistant's trace as JSON, or null.</param>
/// <param name="CreatedAt">When the message was written.</param>
public sealed record ConversationMessage(string Role, string Content, string? CitationsJson, string? TraceJson, DateTimeOffset CreatedAt);
