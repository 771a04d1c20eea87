using ChatRag.Ingestion.Errors;

namespace ChatRag.Ingestion.Pipeline;

/// <summary>The stored original of a queued document is gone (deleted by hand, or the data folder was restored partially).</summary>
public sealed class StoredFileMissingException : DocumentRejectedException
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    public StoredFileMissingException(string message, Exception? innerException = null)
        : base("file_missing", message, innerException)
    {
    }

    /// <inheritdoc />
    public override int SuggestedStatusCode => 422;
}
