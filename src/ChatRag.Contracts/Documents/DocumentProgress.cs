namespace ChatRag.Contracts.Documents;

/// <summary>Chunks embedded and indexed so far, of the document's total (0 until chunking is done).</summary>
/// <param name="Done">Chunks done.</param>
/// <param name="Total">Chunks in all.</param>
public sealed record DocumentProgress(int Done, int Total);
