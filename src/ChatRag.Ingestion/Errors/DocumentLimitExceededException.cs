namespace ChatRag.Ingestion.Errors;

/// <summary>The file exceeds a structural limit (pages, sheets, nesting, archive expansion, text length).</summary>
public sealed class DocumentLimitExceededException : DocumentRejectedException
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    public DocumentLimitExceededException(string message, Exception? innerException = null)
        : base("limit_exceeded", message, innerException)
    {
    }

    /// <inheritdoc />
    public override int SuggestedStatusCode => 422;
}
