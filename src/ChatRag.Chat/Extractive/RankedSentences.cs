namespace ChatRag.Chat.Extractive;

/// <summary>Candidate answer sentences, best first, with the question's support in each source.</summary>
/// <param name="Candidates">Sentences and list items, best first.</param>
/// <param name="SourceSupport">Per source (in source order), the share of the question's content-term weight it holds.</param>
/// <param name="QueryTermCount">Distinct content terms in the question (0: it has none, so nothing can support it).</param>
/// <param name="Language">The question's language (it picks the language of the not-found statement), or null when undecided.</param>
/// <param name="Question">The question the candidates were ranked for (its type decides whether a neighbouring sentence is quoted too).</param>
public sealed record RankedSentences(IReadOnlyList<QuotedSentence> Candidates, IReadOnlyList<double> SourceSupport, int QueryTermCount, string? Language = null, string Question = "")
{
    /// <summary>
    /// Whether any of the question's terms other than names (<see cref="QuestionNames"/>) occurs in the retrieved
    /// passages (true when it has none): passages that hold only what a question names do not answer what it asks.
    /// </summary>
    public bool AskedTermsFound { get; init; } = true;

    /// <summary>The best candidate to quote first, or null when there is none.</summary>
    public QuotedSentence? Best => Candidates.Count > 0 ? Candidates[0] : null;

    /// <summary>The candidate the evidence bar judges (highest <see cref="QuotedSentence.EvidenceScore"/>), or null when there is none.</summary>
    public QuotedSentence? EvidenceBest => Candidates.Count > 0 ? Candidates.MaxBy(c => c.EvidenceScore) : null;

    /// <summary>
    /// The same ranking restricted to the first <paramref name="count"/> sources (a model's context keeps a prefix of
    /// the ranking), so a turn that falls back to quoting never ranks and embeds the sentences a second time.
    /// </summary>
    public RankedSentences Within(int count) =>
        count >= SourceSupport.Count
            ? this
            : this with { Candidates = [.. Candidates.Where(c => c.Source <= count)], SourceSupport = [.. SourceSupport.Take(count)] };
}
