namespace ChatRag.Chat.Orchestration;

/// <summary>The conversation does not exist or belongs to another caller (both answer 404, so ids cannot be probed).</summary>
public sealed class ConversationNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConversationNotFoundException(Guid id)
        : base($"Conversation {id} was not found.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConversationNotFoundException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConversationNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConversationNotFoundException(string message)
        : base(message)
    {
    }
}
