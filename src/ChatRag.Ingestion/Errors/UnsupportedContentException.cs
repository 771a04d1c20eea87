namespace ChatRag.Ingestion.Errors;

/// <summary>The content is not a format ingestion can read (maps to 415 Unsupported Media Type).</summary>
public sealed class UnsupportedContentException : DocumentRejectedException
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    public UnsupportedContentException(string message, Exception? innerException = null)
        : base("unsupported_type", message, innerException)
    {
    }

    /// <inheritdoc />
    public override int SuggestedStatusCode => 415;
}
