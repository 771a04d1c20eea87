namespace ChatRag.Ingestion.Ocr;

/// <summary>One recognised word: its box in image pixels (origin top-left) and Tesseract's confidence (0-100).</summary>
public sealed record OcrWord(string Text, int Left, int Top, int Width, int Height, double Confidence);

/// <summary>One paragraph as Tesseract laid it out (block, paragraph), its lines in reading order.</summary>
public sealed record OcrParagraph(IReadOnlyList<IReadOnlyList<OcrWord>> Lines);

/// <summary>One recognised page (or image frame), paragraphs in Tesseract's reading order.</summary>
/// <param name="Number">1-based page within the image Tesseract was given (frames of a TIFF).</param>
/// <param name="Paragraphs">Paragraphs with the words above the confidence floor.</param>
/// <param name="DroppedWords">Words dropped under the confidence floor.</param>
public sealed record OcrPage(int Number, IReadOnlyList<OcrParagraph> Paragraphs, int DroppedWords);

/// <summary>Whether OCR can run here, and if not, why (for the start-up log, the status route and failures).</summary>
/// <param name="Available">True when OCR is enabled and the engine answered.</param>
/// <param name="Engine">Engine and version, e.g. "tesseract 5.3.0", when found.</param>
/// <param name="Languages">Configured languages.</param>
/// <param name="Reason">Why OCR is off, written for a person, when it is.</param>
public sealed record OcrAvailability(bool Available, string? Engine, string Languages, string? Reason);
