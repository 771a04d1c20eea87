using System.Text.RegularExpressions;
using ChatRag.Contracts.Chat;

namespace ChatRag.Web.Markdown;

/// <summary>
/// Finds the passage sentences that support the answer's claims: the ones sharing the most content words with a
/// citing sentence. The server scores claims the same way (share of content terms), so the highlight shows the reader
/// the text that earned the score.
/// </summary>
public static partial class SupportHighlighter
{
    /// <summary>Splits the passage into runs, marking the best-supporting sentence for each claim.</summary>
    public static IReadOnlyList<(string Text, bool Highlighted)> Split(string passage, IEnumerable<CitedClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(claims);
        var sentences = SentencePattern().Matches(passage).Select(m => (m.Index, m.Length)).ToList();
        var highlighted = new HashSet<int>();
        foreach (var claim in claims)
        {
            var terms = Terms(claim.Sentence);
            var best = -1;
            var bestScore = 0;
            for (var i = 0; i < sentences.Count; i++)
            {
                var score = Terms(passage.Substring(sentences[i].Index, sentences[i].Length)).Count(terms.Contains);
                if (score > bestScore)
                {
                    (best, bestScore) = (i, score);
                }
            }

            if (best >= 0)
            {
                highlighted.Add(best);
            }
        }

        var runs = new List<(string, bool)>();
        var position = 0;
        for (var i = 0; i < sentences.Count; i++)
        {
            var (start, length) = sentences[i];
            if (start > position)
            {
                runs.Add((passage[position..start], false));
            }

            runs.Add((passage.Substring(start, length), highlighted.Contains(i)));
            position = start + length;
        }

        if (position < passage.Length)
        {
            runs.Add((passage[position..], false));
        }

        return runs;
    }

    private static HashSet<string> Terms(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length > 2).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"[^.!?\n]+(?:[.!?]+|$)", RegexOptions.Multiline)]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();
}
