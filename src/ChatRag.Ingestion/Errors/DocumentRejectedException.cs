namespace ChatRag.Ingestion.Errors;

/// <summary>
/// Base of every error ingestion raises for a file it will not process. The message is written for the person
/// who uploaded the file and says what to do; <see cref="Reason"/> is a stable code for programs.
/// </summary>
public abstract class DocumentRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected DocumentRejectedException(string reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Stable machine-readable reason, e.g. <c>unsupported_type</c> or <c>encrypted</c>.</summary>
    public string Reason { get; }

    /// <summary>The HTTP status an API should answer with (415, 413 or 422).</summary>
    public abstract int SuggestedStatusCode { get; }
}
