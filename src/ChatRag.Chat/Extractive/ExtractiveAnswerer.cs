using ChatRag.Core.Retrieval;
using ChatRag.TextAnalysis.Analysis;
using ChatRag.TextAnalysis.Sentences;
using Microsoft.Extensions.AI;

namespace ChatRag.Chat.Extractive;

/// <summary>
/// The answer users get without a language model: the one or two sentences (or list items) of the retrieved passages
/// that answer the question, best first, each with its citation and the name of its document; or, when the evidence
/// does not support an answer (<see cref="Answerability"/>), a plain statement with no citations. Source text is only
/// ever quoted, never obeyed.
/// </summary>
public static class ExtractiveAnswerer
{
    /// <summary>Plain statement that prefixes every extractive answer.</summary>
    public const string Preface = "Extractive answer (quoted from your documents; no language model is configured):";

    /// <summary>What the answer says when the documents do not answer an English question (or one of unknown language).</summary>
    public static string NotFound => LanguageProfiles.NotFoundMessage(LanguageProfiles.Default);

    /// <summary>What the answer says when the documents do not answer the question, in the question's language.</summary>
    public static string NotFoundFor(RankedSentences ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return LanguageProfiles.NotFoundMessage(ranked.Language);
    }

    // A second sentence is quoted only when it is nearly as good as the first: padding hides the answer.
    private const double SecondSentenceRatio = 0.9;

    /// <summary>Ranks, judges and composes in one step.</summary>
    public static async Task<ExtractiveAnswer> AnswerAsync(
        string query, IReadOnlyList<RetrievedChunk> sources, IEmbeddingGenerator<string, Embedding<float>>? encoder,
        int maxSentences, double minSupport, double minCosine, CancellationToken cancellationToken = default)
    {
        var ranked = await SentenceRanker.RankAsync(query, sources, encoder, cancellationToken).ConfigureAwait(false);
        return Compose(ranked, Answerability.Judge(ranked, minSupport, minCosine), sources, maxSentences);
    }

    /// <summary>The answer text for already ranked and judged candidates.</summary>
    public static ExtractiveAnswer Compose(RankedSentences ranked, AnswerEvidence evidence, IReadOnlyList<RetrievedChunk> sources, int maxSentences)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(sources);
        if (!evidence.Found || ranked.Best is not { } best)
        {
            return new ExtractiveAnswer(NotFoundFor(ranked), evidence with { Found = false }, []);
        }

        var quotes = new List<QuotedSentence> { best };
        if (Neighbour(ranked, best, sources) is { } neighbour && maxSentences > 1)
        {
            quotes.Add(neighbour);
        }

        foreach (var next in ranked.Candidates.Skip(1))
        {
            if (quotes.Count >= maxSentences || next.Score < best.Score * SecondSentenceRatio)
            {
                break;
            }

            if (!quotes.Any(q => q.Text == next.Text))
            {
                quotes.Add(next);
            }
        }

        // One quote per line, so each citation marker attaches to exactly one sentence and list items stay list items;
        // the preface is its own paragraph, so the citation checker and the UI never read it as part of a quote.
        var lines = quotes.Select(q => Line(q, sources[q.Source - 1].Chunk.DocumentName));
        return new ExtractiveAnswer(Preface + "\n\n" + string.Join("\n", lines), evidence, quotes);
    }

    /// <summary>
    /// The quoted text of an extractive answer: the sentences without the preface, the document names and the
    /// citation markers (what a reader reads as the answer; used to measure it).
    /// </summary>
    public static string QuotedText(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var body = answer.StartsWith(Preface, StringComparison.Ordinal) ? answer[Preface.Length..] : answer;
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.StartsWith("- ", StringComparison.Ordinal) ? l[2..] : l)
            .Select(l => l.LastIndexOf(DocumentSeparator, StringComparison.Ordinal) is var k and >= 0 ? l[..k] : l)
            .Select(Citations.CitationChecker.StripMarkers);
        return string.Join(" ", lines);
    }

    private const string DocumentSeparator = " — *";

    /// <summary>
    /// The sentence after <paramref name="best"/> in its passage, when the question asks for a kind of content (a number,
    /// a date, a person) that the best sentence lacks and that sentence holds: the sentence repeating the question's
    /// words often sets the scene and the next one gives the figure ("Combien..." → "Ils étaient 37 000.").
    /// </summary>
    private static QuotedSentence? Neighbour(RankedSentences ranked, QuotedSentence best, IReadOnlyList<RetrievedChunk> sources)
    {
        var kind = QuestionType.Of(ranked.Question);
        if (kind == AnswerKind.Any || best.FitsType || best.Source > sources.Count)
        {
            return null;
        }

        var units = SentenceSplitter.Split(sources[best.Source - 1].Chunk.Text).ToList();
        var at = units.FindIndex(u => u.Text == best.Text);
        if (at < 0 || at + 1 >= units.Count)
        {
            return null;
        }

        var next = units[at + 1];
        return next.Kind != SentenceKind.Heading && QuestionType.Fits(kind, next.Text, ranked.Question) ? QuotedSentence.Neighbour(best.Source, next) : null;
    }

    private static string Line(QuotedSentence quote, string documentName)
    {
        var text = quote.Text.Replace('\n', ' ').Trim();
        while (text.Contains("  ", StringComparison.Ordinal))
        {
            text = text.Replace("  ", " ", StringComparison.Ordinal);
        }

        var name = documentName.Replace("*", "\\*", StringComparison.Ordinal);
        return quote.Kind == SentenceKind.ListItem
            ? $"- {text} [{quote.Source}]{DocumentSeparator}{name}*"
            : $"{Terminate(text)} [{quote.Source}]{DocumentSeparator}{name}*";
    }

    private static string Terminate(string text) =>
        text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') || text.EndsWith(']') ? text : text + ".";
}
