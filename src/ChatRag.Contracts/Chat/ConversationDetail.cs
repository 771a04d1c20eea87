namespace ChatRag.Contracts.Chat;

/// <summary>Response of <c>GET /api/v1/conversations/{id}</c>.</summary>
/// <param name="Id">Conversation id.</param>
/// <param name="Title">The first question.</param>
/// <param name="Collection">The collection it answers from.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Messages">Messages in order.</param>
public sealed record ConversationDetail(
    Guid Id, string Title, string Collection, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ConversationMessageItem> Messages)
{
    /// <summary>The documents the conversation answers from; empty for the whole collection.</summary>
    public IReadOnlyList<Guid> DocumentIds { get; init; } = [];
}
