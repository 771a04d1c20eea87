using System.Globalization;
using System.Text.RegularExpressions;
using ChatRag.Chat.Text;
using ChatRag.Contracts.Chat;
using ChatRag.Core.Retrieval;

namespace ChatRag.Chat.Citations;

/// <summary>
/// Maps every <c>[n]</c> (also <c>[1, 2]</c>) in an answer to the n-th numbered source, drops numbers that point nowhere,
/// and scores each citing sentence against the passage it cites (share of its content terms found there).
/// </summary>
public static partial class CitationChecker
{
    /// <summary>Resolves and checks the citations of <paramref name="answer"/>.</summary>
    /// <param name="answer">The model's (or extractive) answer.</param>
    /// <param name="sources">The numbered sources; <c>[1]</c> is the first.</param>
    /// <param name="threshold">Support score under which a sentence is flagged unsupported.</param>
    public static CitationResult Check(string answer, IReadOnlyList<RetrievedChunk> sources, double threshold)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(sources);
        var dropped = new SortedSet<int>();
        var cleaned = Marker().Replace(answer, m =>
        {
            var kept = Numbers(m.Groups[1].Value).Where(n => n >= 1 && n <= sources.Count).Distinct().ToList();
            foreach (var n in Numbers(m.Groups[1].Value).Where(n => n < 1 || n > sources.Count))
            {
                dropped.Add(n);
            }

            return kept.Count == 0 ? string.Empty : "[" + string.Join(", ", kept) + "]";
        });
        // A marker the model left open at the very end ("... see [2") is not shown, as the streamed deltas do not show it.
        cleaned = OpenMarkerAtEnd().Replace(cleaned, string.Empty);
        cleaned = DoubleSpace().Replace(cleaned, " ").Replace(" .", ".", StringComparison.Ordinal).Trim();

        var claims = new SortedDictionary<int, List<CitedClaim>>();
        foreach (var sentence in SentenceSplitter.Split(cleaned))
        {
            var cited = Marker().Matches(sentence.Text).SelectMany(m => Numbers(m.Groups[1].Value)).Distinct().ToList();
            if (cited.Count == 0)
            {
                continue;
            }

            var claim = StripMarkers(sentence.Text);
            foreach (var n in cited)
            {
                var score = Math.Round(LexicalScorer.Support(claim, sources[n - 1].Chunk.Text), 3);
                if (!claims.TryGetValue(n, out var list))
                {
                    claims[n] = list = [];
                }

                list.Add(new CitedClaim(claim, sentence.Start, sentence.End, score, score >= threshold));
            }
        }

        var citations = claims.Select(pair =>
        {
            var chunk = sources[pair.Key - 1].Chunk;
            var score = pair.Value.Min(c => c.Score);
            return new ChatCitation(
                pair.Key, chunk.DocumentId, chunk.DocumentName, chunk.Id, chunk.Text, chunk.Page, chunk.StartOffset, chunk.EndOffset,
                pair.Value.All(c => c.Supported), score, pair.Value);
        }).ToList();
        return new CitationResult(cleaned, citations, [.. dropped]);
    }

    /// <summary>A sentence without its <c>[n]</c> markers (and the space left before its punctuation).</summary>
    public static string StripMarkers(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var text = DoubleSpace().Replace(Marker().Replace(sentence, string.Empty), " ");
        return text.Replace(" .", ".", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal).Trim();
    }

    private static IEnumerable<int> Numbers(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1);

    [GeneratedRegex(@"\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\[\d{0,3}(?:\s*,\s*\d{0,3})*\s*$")]
    private static partial Regex OpenMarkerAtEnd();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex DoubleSpace();
}
