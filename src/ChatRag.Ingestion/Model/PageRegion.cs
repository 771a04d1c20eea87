namespace ChatRag.Ingestion.Model;

/// <summary>
/// Where a word sits on a PDF page, so a passage can be highlighted later.
/// Coordinates are PDF user-space points with the origin at the bottom-left of the page.
/// </summary>
/// <param name="Page">1-based page number.</param>
/// <param name="Left">Left edge.</param>
/// <param name="Bottom">Bottom edge.</param>
/// <param name="Right">Right edge.</param>
/// <param name="Top">Top edge.</param>
/// <param name="StartOffset">Offset of the word in the document's extracted text.</param>
/// <param name="EndOffset">Offset one past the word's end.</param>
public sealed record PageRegion(int Page, double Left, double Bottom, double Right, double Top, int StartOffset, int EndOffset);
