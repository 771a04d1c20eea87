namespace ChatRag.Core.Conversations;

/// <summary>A stored conversation, without its messages.</summary>
/// <param name="Id">Conversation id.</param>
/// <param name="Title">The first question, shortened.</param>
/// <param name="Collection">The collection the conversation searches.</param>
/// <param name="Owner">Id of the scoped API key that created it (private to that key); null when shared by full-scope callers.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="UpdatedAt">When the last message was added.</param>
public sealed record ConversationSummary(Guid Id, string Title, string Collection, Guid? Owner, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The documents the conversation is scoped to; empty for the whole collection.</summary>
    public IReadOnlyList<Guid> Documents { get; init; } = [];
}
