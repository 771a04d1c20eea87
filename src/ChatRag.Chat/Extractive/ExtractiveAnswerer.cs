using ChatRag.Chat.Text;
using ChatRag.Core.Retrieval;

namespace ChatRag.Chat.Extractive;

/// <summary>
/// The answer users get without a language model: the sentences of the retrieved passages that best match the query
/// (BM25 over sentences), each followed by the number of its passage. Source text is only ever quoted, never obeyed.
/// </summary>
public static class ExtractiveAnswerer
{
    /// <summary>Plain statement that prefixes every extractive answer.</summary>
    public const string Preface = "Extractive answer (quoted from your documents; no language model is configured):";

    // A line without a full stop reads as a heading unless it is long enough to be a statement (list items, captions).
    private const int MinUnterminatedWords = 8;

    /// <summary>Builds an answer from at most <paramref name="maxSentences"/> sentences of <paramref name="sources"/>.</summary>
    public static string Answer(string query, IReadOnlyList<RetrievedChunk> sources, int maxSentences)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var queryTerms = Terms.Of(query).ToHashSet(StringComparer.Ordinal);
        var candidates = sources
            .SelectMany((s, i) => SentenceSplitter.Split(s.Chunk.Text).Select(sentence => (Source: i + 1, Rank: i, Sentence: sentence.Text, Terms: Terms.Of(sentence.Text))))
            .Where(c => c.Terms.Count > 0)
            .ToList();

        // Titles and heading breadcrumbs repeat the query's words in a few tokens, so BM25 loves them, yet they state
        // nothing: quote real sentences, and fall back to every line only when a passage has nothing else.
        var statements = candidates.Where(c => IsStatement(c.Sentence)).ToList();
        if (statements.Count > 0)
        {
            candidates = statements;
        }

        if (candidates.Count == 0 || queryTerms.Count == 0)
        {
            return "I could not find anything in your documents that answers this question.";
        }

        var df = candidates.SelectMany(c => c.Terms.Distinct()).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var average = candidates.Average(c => c.Terms.Count);

        // Retrieval rank breaks ties, so an equally good sentence from a better passage wins.
        var best = candidates
            .Select(c => (c.Source, c.Rank, c.Sentence, Score: LexicalScorer.Relevance(queryTerms, c.Terms, df, candidates.Count, average)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Rank)
            .Take(maxSentences)
            .ToList();
        if (best.Count == 0)
        {
            return "I could not find anything in your documents that answers this question.";
        }

        var quoted = best.Select(b => $"{Terminate(b.Sentence)} [{b.Source}]");
        // The preface is its own paragraph, so the citation checker and the UI never read it as part of a quote.
        return Preface + "\n\n" + string.Join(" ", quoted);
    }

    private static bool IsStatement(string sentence)
    {
        var text = sentence.Trim();
        if (text.Contains(" > ", StringComparison.Ordinal) || text.StartsWith('#'))
        {
            return false;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var terminated = text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') || text.EndsWith(':') || text.EndsWith(';');
        return terminated ? words >= 3 : words >= MinUnterminatedWords;
    }

    private static string Terminate(string sentence)
    {
        // Keep quoted sentences on their own, so each citation marker attaches to exactly one sentence.
        var text = sentence.Replace('\n', ' ').Trim();
        return text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";
    }
}
