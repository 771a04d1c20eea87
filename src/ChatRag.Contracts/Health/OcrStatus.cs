namespace ChatRag.Contracts.Health;

/// <summary>Whether scanned PDFs and images can be read (OCR), and if not, why.</summary>
/// <param name="Available">True when OCR is enabled and Tesseract and pdftoppm answered.</param>
/// <param name="Engine">The engine and its version, e.g. "tesseract 5.3.0", when found.</param>
/// <param name="Languages">The configured Tesseract languages, e.g. "eng+fra".</param>
/// <param name="Reason">Why OCR is off and what to install, when it is.</param>
public sealed record OcrStatus(bool Available, string? Engine, string Languages, string? Reason = null);
