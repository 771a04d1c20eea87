using System.Globalization;
using System.Text;

namespace ChatRag.Core.Evaluation;

/// <summary>
/// Pure scoring of answer evaluations: gold-span containment (case, accents of apostrophes and spacing normalised),
/// the summary report, and the calibration of the answerability thresholds (the most unanswerable questions refused
/// while at least a given share of answerable ones is still found).
/// </summary>
public static class AnswerMetrics
{
    /// <summary>Whether <paramref name="text"/> contains one of <paramref name="spans"/>, ignoring case, apostrophe style and spacing.</summary>
    public static bool ContainsAny(string text, IEnumerable<string> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var haystack = Normalise(text);
        return spans.Select(Normalise).Any(s => s.Length > 0 && haystack.Contains(s, StringComparison.Ordinal));
    }

    /// <summary>The summary of <paramref name="outcomes"/> as they would be under the given thresholds.</summary>
    public static AnswerReport Summarise(IReadOnlyList<AnswerOutcome> outcomes, double minSupport, double minCosine, string split, double chatP50Ms)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var judged = outcomes.Select(o => o with { Found = o.Found && Passes(o, minSupport, minCosine) }).ToList();
        var answerable = judged.Where(o => o.Answerable).ToList();
        var unanswerable = judged.Where(o => !o.Answerable).ToList();
        return new AnswerReport
        {
            Answerable = answerable.Count,
            Unanswerable = unanswerable.Count,
            AnswerHasGold = Share(answerable, o => o.Found && o.AnswerHasGold),
            CitedHasGold = Share(answerable, o => o.Found && o.CitedHasGold),
            MedianAnswerChars = Median(answerable.Select(o => (double)o.AnswerLength).ToList()),
            FoundOnAnswerable = Share(answerable, o => o.Found),
            NotFoundOnUnanswerable = Share(unanswerable, o => !o.Found),
            MinSupport = minSupport,
            MinCosine = minCosine,
            ChatP50Ms = chatP50Ms,
            Split = split,
        };
    }

    /// <summary>
    /// The thresholds that refuse the most unanswerable questions while at least <paramref name="minFound"/> of the
    /// answerable ones pass (ties: the lower thresholds). <paramref name="outcomes"/> must come from a run with the bar at its lowest.
    /// </summary>
    public static (double MinSupport, double MinCosine) Calibrate(IReadOnlyList<AnswerOutcome> outcomes, double minFound)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var answerable = outcomes.Where(o => o.Answerable).ToList();
        var unanswerable = outcomes.Where(o => !o.Answerable).ToList();
        var best = (Support: 0.0, Cosine: -1.0, Refused: -1.0);
        for (var s = 0; s <= 20; s++)
        {
            for (var c = 0; c <= 40; c++)
            {
                var (support, cosine) = (s * 0.05, c * 0.02);
                // An outcome not found with the bar lowered was refused by a rule the thresholds do not move (no
                // content word, no asked word in the passages): it stays refused whatever is picked.
                if (Share(answerable, o => o.Found && Passes(o, support, cosine)) < minFound)
                {
                    continue;
                }

                var refused = Share(unanswerable, o => !(o.Found && Passes(o, support, cosine)));
                if (refused > best.Refused)
                {
                    best = (support, cosine, refused);
                }
            }
        }

        return (best.Support, best.Cosine);
    }

    private static bool Passes(AnswerOutcome o, double minSupport, double minCosine) =>
        o.Support >= minSupport && (o.Cosine is null || o.Cosine >= minCosine);

    private static double Share(List<AnswerOutcome> items, Func<AnswerOutcome, bool> predicate) =>
        items.Count == 0 ? 0 : items.Count(predicate) / (double)items.Count;

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text.Normalize(NormalizationForm.FormC))
        {
            var c = raw is '’' or '‘' or 'ʼ' ? '\'' : raw is '\u00A0' or '\u202F' ? ' ' : raw;
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
