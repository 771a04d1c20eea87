namespace ChatRag.Chat.Orchestration;

/// <summary>The message alone (with the instructions and room for an answer) does not fit the model's context window.</summary>
public sealed class PromptTooLongException : Exception
{
    /// <summary>Creates the exception with the sizes involved.</summary>
    public PromptTooLongException(int neededTokens, int contextTokens)
        : base($"The message needs about {neededTokens} tokens with the instructions and room for the answer, more than the model's context window of {contextTokens} tokens holds. Send a shorter message.")
    {
        NeededTokens = neededTokens;
        ContextTokens = contextTokens;
    }

    /// <summary>Creates the exception.</summary>
    public PromptTooLongException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PromptTooLongException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public PromptTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Estimated tokens the turn needs at least.</summary>
    public int NeededTokens { get; }

    /// <summary>The model's context window.</summary>
    public int ContextTokens { get; }
}
