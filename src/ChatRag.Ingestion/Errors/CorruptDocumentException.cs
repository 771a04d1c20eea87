namespace ChatRag.Ingestion.Errors;

/// <summary>The file is damaged, truncated or not what it claims to be.</summary>
public sealed class CorruptDocumentException : DocumentRejectedException
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    public CorruptDocumentException(string message, Exception? innerException = null)
        : base("corrupt", message, innerException)
    {
    }

    /// <inheritdoc />
    public override int SuggestedStatusCode => 422;
}
