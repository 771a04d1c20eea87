using System.Globalization;

namespace ChatRag.Chat.Extractive;

/// <summary>
/// Decides from the evidence whether the documents answer a question: some of the question's words other than names
/// must occur in the retrieved passages, the best sentence's passage must hold enough of the question's content terms,
/// and, when an encoder is configured, the best sentence must be close enough to the question in meaning. Sharing a
/// word or two (a near miss) is not an answer; neither is a sentence that only sounds related. The thresholds are
/// calibrated on PIAF questions with gold spans and a set of unanswerable questions (docs/benchmarks.md, "Answers
/// without a model").
/// </summary>
public static class Answerability
{
    /// <summary>Judges <paramref name="ranked"/> against the thresholds.</summary>
    public static AnswerEvidence Judge(RankedSentences ranked, double minSupport, double minCosine)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        if (ranked.QueryTermCount == 0)
        {
            return new AnswerEvidence(false, 0, null, "The question has no content words to look for.");
        }

        if (ranked.EvidenceBest is not { } best)
        {
            return new AnswerEvidence(false, 0, null, "No sentence of the retrieved passages shares a content word with the question.");
        }

        var support = ranked.SourceSupport[best.Source - 1];
        var cosine = best.Cosine;
        if (!ranked.AskedTermsFound)
        {
            return new AnswerEvidence(false, Math.Round(support, 3), cosine is { } n ? Math.Round(n, 3) : null,
                "None of the question's words other than names occurs in the retrieved passages: they mention what it names, not what it asks.");
        }

        var supported = support >= minSupport;
        var close = cosine is null || cosine >= minCosine;
        var reason = (supported, close) switch
        {
            (true, true) => $"The best sentence's passage holds {Percent(support)} of the question's content terms{CosineText(cosine, ">=", minCosine)}.",
            (false, _) => $"The best passage holds only {Percent(support)} of the question's content terms (needs {Percent(minSupport)}).",
            (true, false) => $"The best sentence is not close enough in meaning{CosineText(cosine, "<", minCosine)}.",
        };
        return new AnswerEvidence(supported && close, Math.Round(support, 3), cosine is { } c ? Math.Round(c, 3) : null, reason);
    }

    private static string Percent(double share) => share.ToString("P0", CultureInfo.InvariantCulture);

    private static string CosineText(double? cosine, string relation, double threshold) =>
        cosine is { } c ? string.Create(CultureInfo.InvariantCulture, $" (cosine {c:0.00} {relation} {threshold:0.00})") : string.Empty;
}
