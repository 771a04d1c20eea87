namespace ChatRag.Ingestion.Errors;

/// <summary>The file is empty or has no extractable text.</summary>
public sealed class EmptyDocumentException : DocumentRejectedException
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    public EmptyDocumentException(string message, Exception? innerException = null)
        : base("empty", message, innerException)
    {
    }

    /// <inheritdoc />
    public override int SuggestedStatusCode => 422;
}
