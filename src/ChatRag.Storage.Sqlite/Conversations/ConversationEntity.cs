namespace ChatRag.Storage.Sqlite.Conversations;

/// <summary>A chat conversation row.</summary>
public sealed class ConversationEntity
{
    /// <summary>Conversation id.</summary>
    public Guid Id { get; set; }

    /// <summary>The first question.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>The collection it answers from.</summary>
    public string Collection { get; set; } = string.Empty;

    /// <summary>Id of the scoped API key that owns it, else null (shared by full-scope callers).</summary>
    public Guid? OwnerKeyId { get; set; }

    /// <summary>The documents the conversation is scoped to, as a JSON array of ids; null for the whole collection.</summary>
    public string? DocumentIds { get; set; }

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last message time (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Its messages.</summary>
    public List<MessageEntity> Messages { get; } = [];
}
