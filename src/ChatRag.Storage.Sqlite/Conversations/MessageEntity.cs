namespace ChatRag.Storage.Sqlite.Conversations;

/// <summary>A chat message row.</summary>
public sealed class MessageEntity
{
    /// <summary>Row id; gives the order of messages.</summary>
    public long Id { get; set; }

    /// <summary>Owning conversation.</summary>
    public Guid ConversationId { get; set; }

    /// <summary><c>user</c> or <c>assistant</c>.</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>Text.</summary>
    public string Content { get; set; } = string.Empty;

    /// <summary>Citations JSON.</summary>
    public string? CitationsJson { get; set; }

    /// <summary>Trace JSON.</summary>
    public string? TraceJson { get; set; }

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
