namespace ChatRag.Ingestion.Errors;

/// <summary>The file is larger than the configured limit (maps to 413).</summary>
public sealed class FileTooLargeException : DocumentRejectedException
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    public FileTooLargeException(string message, Exception? innerException = null)
        : base("too_large", message, innerException)
    {
    }

    /// <inheritdoc />
    public override int SuggestedStatusCode => 413;
}
