namespace ChatRag.Ingestion.Errors;

/// <summary>
/// The document needs OCR (a scan or an image) but OCR is off or its engine is not installed (maps to 422):
/// the message says which packages to install, so a scan never ends as silent empty text.
/// </summary>
public sealed class OcrUnavailableException : DocumentRejectedException
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    public OcrUnavailableException(string message, Exception? innerException = null)
        : base("ocr_unavailable", message, innerException)
    {
    }

    /// <inheritdoc />
    public override int SuggestedStatusCode => 422;
}
