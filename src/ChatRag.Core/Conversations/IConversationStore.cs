namespace ChatRag.Core.Conversations;

/// <summary>Durable store of chat conversations and their messages.</summary>
public interface IConversationStore
{
    /// <summary>Starts a conversation, scoped to <paramref name="documents"/> when some are given (else the whole collection).</summary>
    Task<ConversationSummary> CreateAsync(
        string title, string collection, Guid? owner, IReadOnlyList<Guid>? documents = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the documents a conversation is scoped to (empty: the whole collection again); false when it does not exist.</summary>
    Task<bool> SetDocumentsAsync(Guid id, IReadOnlyList<Guid> documents, CancellationToken cancellationToken = default);

    /// <summary>Reads a conversation, or null when it does not exist.</summary>
    Task<ConversationSummary?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Lists conversations, most recently updated first; null filters match everything.</summary>
    Task<IReadOnlyList<ConversationSummary>> ListAsync(Guid? owner, string? collection, int limit, CancellationToken cancellationToken = default);

    /// <summary>Messages of a conversation in the order they were written (empty when unknown).</summary>
    Task<IReadOnlyList<ConversationMessage>> GetMessagesAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The last <paramref name="count"/> messages of a conversation in the order they were written, role and text only
    /// (citations and trace are left null): what a chat turn needs, without reading the whole conversation.
    /// </summary>
    Task<IReadOnlyList<ConversationMessage>> GetRecentMessagesAsync(Guid id, int count, CancellationToken cancellationToken = default);

    /// <summary>Appends messages in one transaction and moves the conversation's <c>UpdatedAt</c>.</summary>
    Task AppendAsync(Guid id, IReadOnlyList<ConversationMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>Deletes a conversation and its messages; false when it did not exist.</summary>
    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}
