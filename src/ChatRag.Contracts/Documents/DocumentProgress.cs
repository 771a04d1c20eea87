namespace ChatRag.Contracts.Documents;

/// <summary>
/// How far the document's processing has come in its current stage: <c>ocr</c> counts scanned pages recognised of
/// those found so far, <c>embed</c> chunks embedded and indexed of the document's chunks; null outside processing.
/// </summary>
/// <param name="Done">Units done.</param>
/// <param name="Total">Units in all (0 until known).</param>
/// <param name="Stage"><c>ocr</c> or <c>embed</c> while processing; null when queued, ready or failed.</param>
public sealed record DocumentProgress(int Done, int Total, string? Stage = null);
