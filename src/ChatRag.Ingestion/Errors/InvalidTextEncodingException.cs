namespace ChatRag.Ingestion.Errors;

/// <summary>The text is not valid UTF-8 or UTF-16 and the policy is to reject it.</summary>
public sealed class InvalidTextEncodingException : DocumentRejectedException
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    public InvalidTextEncodingException(string message, Exception? innerException = null)
        : base("invalid_encoding", message, innerException)
    {
    }

    /// <inheritdoc />
    public override int SuggestedStatusCode => 422;
}
