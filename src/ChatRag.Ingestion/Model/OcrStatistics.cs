namespace ChatRag.Ingestion.Model;

/// <summary>How much of a document was read by OCR.</summary>
/// <param name="Pages">Pages (or image frames) OCR'd.</param>
/// <param name="Milliseconds">Wall time spent rendering and recognising them.</param>
public sealed record OcrStatistics(int Pages, double Milliseconds);
