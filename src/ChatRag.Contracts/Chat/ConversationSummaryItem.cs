namespace ChatRag.Contracts.Chat;

/// <summary>A conversation in <c>GET /api/v1/conversations</c>.</summary>
/// <param name="Id">Conversation id.</param>
/// <param name="Title">The first question.</param>
/// <param name="Collection">The collection it answers from.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record ConversationSummaryItem(Guid Id, string Title, string Collection, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The documents the conversation answers from; empty for the whole collection.</summary>
    public IReadOnlyList<Guid> DocumentIds { get; init; } = [];
}
