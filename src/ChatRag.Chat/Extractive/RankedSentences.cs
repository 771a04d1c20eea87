namespace ChatRag.Chat.Extractive;

/// <summary>Candidate answer sentences, best first, with the question's support in each source.</summary>
/// <param name="Candidates">Sentences and list items, best first.</param>
/// <param name="SourceSupport">Per source (in source order), the share of the question's content-term weight it holds.</param>
/// <param name="QueryTermCount">Distinct content terms in the question (0: it has none, so nothing can support it).</param>
public sealed record RankedSentences(IReadOnlyList<QuotedSentence> Candidates, IReadOnlyList<double> SourceSupport, int QueryTermCount)
{
    /// <summary>The best candidate, or null when there is none.</summary>
    public QuotedSentence? Best => Candidates.Count > 0 ? Candidates[0] : null;
}
