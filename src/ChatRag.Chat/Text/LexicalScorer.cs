using ChatRag.TextAnalysis.Languages;

namespace ChatRag.Chat.Text;

/// <summary>Lexical scores between short texts, on content <see cref="Terms"/>.</summary>
public static class LexicalScorer
{
    /// <summary>
    /// How much of <paramref name="claim"/> the <paramref name="evidence"/> covers: the share of the claim's distinct
    /// content terms that occur in the evidence, from 0 to 1 (1 when the claim has no content terms).
    /// </summary>
    public static double Support(string claim, string evidence)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(evidence);

        // One analysis for both sides, or the same word could stem two ways; the evidence is the longer, surer sample.
        var language = TextLanguage.Detect(evidence) ?? TextLanguage.Detect(claim);
        var claimTerms = Terms.Of(claim, language).ToHashSet(StringComparer.Ordinal);
        if (claimTerms.Count == 0)
        {
            return 1.0;
        }

        var evidenceTerms = Terms.Of(evidence, language).ToHashSet(StringComparer.Ordinal);
        return claimTerms.Count(evidenceTerms.Contains) / (double)claimTerms.Count;
    }

    /// <summary>
    /// BM25-like relevance of a sentence to a query: each distinct query term found adds an idf weight from
    /// <paramref name="documentFrequency"/> over <paramref name="sentenceCount"/> sentences, damped by sentence length.
    /// </summary>
    public static double Relevance(
        IReadOnlySet<string> queryTerms, IReadOnlyList<string> sentenceTerms, IReadOnlyDictionary<string, int> documentFrequency,
        int sentenceCount, double averageLength)
    {
        ArgumentNullException.ThrowIfNull(queryTerms);
        ArgumentNullException.ThrowIfNull(sentenceTerms);
        ArgumentNullException.ThrowIfNull(documentFrequency);
        const double K1 = 1.2;
        const double B = 0.75;
        var score = 0.0;
        var norm = K1 * (1 - B + (B * sentenceTerms.Count / Math.Max(1.0, averageLength)));
        foreach (var group in sentenceTerms.Where(queryTerms.Contains).GroupBy(t => t, StringComparer.Ordinal))
        {
            var df = documentFrequency.GetValueOrDefault(group.Key, 1);
            var idf = Math.Log(1 + ((sentenceCount - df + 0.5) / (df + 0.5)));
            var tf = group.Count();
            score += idf * tf * (K1 + 1) / (tf + norm);
        }

        return score;
    }
}
