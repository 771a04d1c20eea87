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

    /// <summary>Key name of a scoped caller that owns it, else null.</summary>
    public string? Owner { get; set; }

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last message time (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Its messages.</summary>
    public List<MessageEntity> Messages { get; } = [];
}
