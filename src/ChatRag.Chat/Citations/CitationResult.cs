namespace ChatRag.Chat.Citations;

/// <summary>An answer with its citations resolved.</summary>
/// <param name="Answer">The answer with citation numbers that point nowhere removed.</param>
/// <param name="Citations">Resolved citations ordered by number.</param>
/// <param name="Dropped">Numbers that pointed nowhere.</param>
public sealed record CitationResult(string Answer, IReadOnlyList<SourceCitation> Citations, IReadOnlyList<int> Dropped);
