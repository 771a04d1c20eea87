using System.Globalization;
using System.Text.RegularExpressions;
using ChatRag.Chat.Text;
using ChatRag.TextAnalysis.Sentences;
using ChatRag.Core.Retrieval;

namespace ChatRag.Chat.Citations;

/// <summary>
/// Maps every <c>[n]</c> (also <c>[1, 2]</c>) in an answer to the n-th numbered source, drops numbers that point nowhere,
/// and scores each citing sentence against the passage it cites: lexically (share of its content terms found there)
/// and, when an encoder is given, by embedding cosine to the passage's best sentence window (see docs/benchmarks.md, "Citation support").
/// </summary>
public static partial class CitationChecker
{
    /// <summary>Resolves and checks the citations of <paramref name="answer"/> with the lexical score only.</summary>
    /// <param name="answer">The model's (or extractive) answer.</param>
    /// <param name="sources">The numbered sources; <c>[1]</c> is the first.</param>
    /// <param name="threshold">Support score under which a sentence is flagged unsupported.</param>
    public static CitationResult Check(string answer, IReadOnlyList<RetrievedChunk> sources, double threshold)
    {
        var (cleaned, dropped, cited) = Resolve(answer, sources);
        return Assemble(cleaned, dropped, cited, sources, threshold, new double?[cited.Count], 0);
    }

    /// <summary>
    /// Resolves and checks the citations of <paramref name="answer"/>; with a <paramref name="semantic"/> scorer a
    /// sentence is flagged only when both its lexical score and its embedding cosine are under their thresholds
    /// (the cosine is computed only for sentences under the lexical threshold).
    /// </summary>
    public static async Task<CitationResult> CheckAsync(
        string answer, IReadOnlyList<RetrievedChunk> sources, double lexicalThreshold, SemanticSupportScorer? semantic, double semanticThreshold,
        CancellationToken cancellationToken = default)
    {
        var (cleaned, dropped, cited) = Resolve(answer, sources);
        var cosines = new double?[cited.Count];
        // Only sentences the lexical score does not already support are embedded: an extractive answer quotes its
        // passages, so it costs no encoder time at all.
        var weak = Enumerable.Range(0, cited.Count)
            .Where(i => LexicalScorer.Support(cited[i].Claim, sources[cited[i].Index - 1].Chunk.Text) < lexicalThreshold).ToList();
        if (semantic is not null && weak.Count > 0)
        {
            var scores = await semantic.ScoreAsync([.. weak.Select(i => (cited[i].Claim, sources[cited[i].Index - 1].Chunk.Text))], cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < weak.Count; k++)
            {
                cosines[weak[k]] = scores[k];
            }
        }

        return Assemble(cleaned, dropped, cited, sources, lexicalThreshold, cosines, semanticThreshold);
    }

    /// <summary>A sentence without its <c>[n]</c> markers (and the space left before its punctuation).</summary>
    public static string StripMarkers(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var text = DoubleSpace().Replace(Marker().Replace(sentence, string.Empty), " ");
        return text.Replace(" .", ".", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal).Trim();
    }

    private static (string Cleaned, IReadOnlyList<int> Dropped, List<(int Index, SentenceSpan Sentence, string Claim)> Cited) Resolve(
        string answer, IReadOnlyList<RetrievedChunk> sources)
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

        var cited = new List<(int, SentenceSpan, string)>();
        foreach (var sentence in SentenceSplitter.Split(cleaned))
        {
            var claim = StripMarkers(sentence.Text);
            foreach (var n in Marker().Matches(sentence.Text).SelectMany(m => Numbers(m.Groups[1].Value)).Distinct())
            {
                cited.Add((n, sentence, claim));
            }
        }

        return (cleaned, [.. dropped], cited);
    }

    private static CitationResult Assemble(
        string cleaned, IReadOnlyList<int> dropped, List<(int Index, SentenceSpan Sentence, string Claim)> cited, IReadOnlyList<RetrievedChunk> sources,
        double lexicalThreshold, IReadOnlyList<double?> cosines, double semanticThreshold)
    {
        var claims = new SortedDictionary<int, List<ClaimSupport>>();
        for (var i = 0; i < cited.Count; i++)
        {
            var (n, sentence, claim) = cited[i];
            var score = Math.Round(LexicalScorer.Support(claim, sources[n - 1].Chunk.Text), 3);
            var cosine = cosines[i] is { } c ? Math.Round(c, 3) : (double?)null;
            var supported = score >= lexicalThreshold || cosine >= semanticThreshold;
            if (!claims.TryGetValue(n, out var list))
            {
                claims[n] = list = [];
            }

            list.Add(new ClaimSupport(claim, sentence.Start, sentence.End, score, supported, cosine));
        }

        var citations = claims.Select(pair =>
        {
            var chunk = sources[pair.Key - 1].Chunk;
            var score = pair.Value.Min(c => c.Score);
            return new SourceCitation(
                pair.Key, chunk.DocumentId, chunk.DocumentName, chunk.Id, chunk.Text, chunk.Page, chunk.StartOffset, chunk.EndOffset,
                pair.Value.All(c => c.Supported), score, pair.Value)
            {
                OcrConfidence = chunk.OcrConfidence,
            };
        }).ToList();
        return new CitationResult(cleaned, citations, dropped);
    }

    private static IEnumerable<int> Numbers(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1);

    // [0-9], not \d: \d matches every Unicode digit ("[\u0661]"), which int.Parse refuses and the streamed deltas
    // (StreamingCitationFilter) leave as written; a marker is ASCII digits only, everywhere it is parsed.
    [GeneratedRegex(@"\[([0-9]{1,3}(?:\s*,\s*[0-9]{1,3})*)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\[[0-9]{0,3}(?:\s*,\s*[0-9]{0,3})*\s*$")]
    private static partial Regex OpenMarkerAtEnd();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex DoubleSpace();
}
