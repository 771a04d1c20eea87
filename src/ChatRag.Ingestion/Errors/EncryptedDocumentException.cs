namespace ChatRag.Ingestion.Errors;

/// <summary>The file is password-protected.</summary>
public sealed class EncryptedDocumentException : DocumentRejectedException
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    public EncryptedDocumentException(string message, Exception? innerException = null)
        : base("encrypted", message, innerException)
    {
    }

    /// <inheritdoc />
    public override int SuggestedStatusCode => 422;
}
