using ChatRag.Chat.Text;
using ChatRag.Core.Embeddings;
using ChatRag.Core.Retrieval;
using ChatRag.TextAnalysis.Languages;
using ChatRag.TextAnalysis.Sentences;
using Microsoft.Extensions.AI;

namespace ChatRag.Chat.Extractive;

/// <summary>
/// Ranks the sentences and list items of the retrieved passages as answers to a question: BM25 over the question's
/// content terms, the encoder's cosine when one is given, a bonus when the sentence holds the kind of content the
/// question asks for (a number for "how many", a date for "when", a name for "who"), and the passage's retrieval rank
/// as a prior. Headings never compete: they name a topic and answer nothing.
/// </summary>
public static class SentenceRanker
{
    // The lexically best two dozen: a bound on encoder time per question on a CPU (the answer is rarely further down).
    private const int MaxEmbedded = 24;
    private const double TypeBonus = 0.12;
    private const double TopicWeight = 0.25;

    // The quote order leans on the retriever: its top passage holds the answer more often than the passage of the
    // sentence that merely repeats most of the question's words (PIAF tune half: 71 % of questions vs 68 % cited with
    // the old light prior), and the encoder's cosine picks the answering sentence within a passage better than word
    // overlap does. Chosen on PIAF's tune half, held on the held-out half (docs/benchmarks.md, "Answers without a model").
    private const double RankPenalty = 0.12;
    private const double LexicalWeight = 0.3;

    // The evidence bar judges the best-matching sentence with the weights it was calibrated with, so answerability does
    // not move when the quote order leans on the retriever.
    private const double EvidenceRankPenalty = 0.015;
    private const double EvidenceLexicalWeight = 0.45;

    // A question in no clear language (short, or full of names) is analysed in the language of its top passages.
    private const int PassagesForLanguage = 3;

    /// <summary>The candidates, best first, and the question's content-term support in each source.</summary>
    public static async Task<RankedSentences> RankAsync(
        string question, IReadOnlyList<RetrievedChunk> sources, IEmbeddingGenerator<string, Embedding<float>>? encoder,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(sources);
        // One language for both sides: a short sentence detected on its own can land in another language's stemmer and
        // miss the question's stems ("larger" and "storm" analysed as French), which the evidence bar reads as no answer.
        var asked = TextLanguage.Detect(question);
        var language = asked ?? PassageLanguage(sources);
        var queryTerms = Terms.Of(question, language).ToHashSet(StringComparer.Ordinal);
        var units = sources
            .SelectMany((s, i) => SentenceSplitter.Split(s.Chunk.Text).Select(u => (Source: i + 1, Unit: u, Terms: Terms.Of(u.Text, language))))
            .Where(c => c.Terms.Count > 0)
            .ToList();
        var weights = Weights(queryTerms, units.Select(u => u.Terms).ToList());
        var asking = queryTerms.Except(QuestionNames.TermsOf(question, language), StringComparer.Ordinal).ToList();
        var askedFound = asking.Count == 0 || asking.Any(units.SelectMany(u => u.Terms).ToHashSet(StringComparer.Ordinal).Contains);
        var support = sources.Select(s => Support(weights, s.Chunk.Text, language)).ToList();
        var statements = units.Where(c => c.Unit.Kind != SentenceKind.Heading && IsStatement(c.Unit)).ToList();

        // A passage that is nothing but a title still gets quoted rather than nothing at all.
        var candidates = statements.Count > 0 ? statements : units;
        if (candidates.Count == 0 || queryTerms.Count == 0)
        {
            return new RankedSentences([], support, queryTerms.Count, asked, question) { AskedTermsFound = askedFound };
        }

        var df = candidates.SelectMany(c => c.Terms.Distinct()).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var average = candidates.Average(c => c.Terms.Count);
        // Words of a passage's headings are its topic, true of every sentence under them ("GPT-3" above a list of its
        // figures): they say which passage, not which sentence, so the sentence is chosen on the question's other words.
        var topics = units.Where(u => u.Unit.Kind == SentenceKind.Heading).GroupBy(u => u.Source)
            .ToDictionary(g => g.Key, g => queryTerms.Except(g.SelectMany(u => u.Terms), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal));
        var lexical = candidates.Select(c =>
        {
            var asked = topics.TryGetValue(c.Source, out var rest) && rest.Count > 0 ? rest : queryTerms;
            return LexicalScorer.Relevance(asked, c.Terms, df, candidates.Count, average)
                + (TopicWeight * LexicalScorer.Relevance(queryTerms, c.Terms, df, candidates.Count, average));
        }).ToList();
        var maxLexical = Math.Max(lexical.Max(), 1e-9);
        var cosines = await CosinesAsync(question, candidates.Select(c => c.Unit.Text).ToList(), lexical, encoder, cancellationToken).ConfigureAwait(false);
        var kind = QuestionType.Of(question);
        var ranked = candidates.Select((c, i) =>
        {
            var lex = lexical[i] / maxLexical;
            var fits = kind != AnswerKind.Any && QuestionType.Fits(kind, c.Unit.Text, question);
            var bonus = fits ? TypeBonus : 0;
            var score = Relevance(lex, cosines[i], LexicalWeight) + bonus - (RankPenalty * (c.Source - 1));
            var evidence = Relevance(lex, cosines[i], EvidenceLexicalWeight) + bonus - (EvidenceRankPenalty * (c.Source - 1));
            return new QuotedSentence(c.Source, c.Unit.Text, c.Unit.Kind, lex, cosines[i], fits, score, evidence);
        })
            .Where(q => q.Lexical > 0 || q.Cosine is not null)
            .OrderByDescending(q => q.Score)
            .ThenBy(q => q.Source)
            .ToList();
        return new RankedSentences(ranked, support, queryTerms.Count, asked, question) { AskedTermsFound = askedFound };
    }

    private static double Relevance(double lexical, double? cosine, double lexicalWeight) =>
        cosine is { } cos ? (lexicalWeight * lexical) + ((1 - lexicalWeight) * cos) : lexical;

    /// <summary>
    /// The language both the question and the passages are analysed in: the question's own, or, when it has no clear
    /// one (short, or full of names), that of its top passages.
    /// </summary>
    public static string? AnalysisLanguage(string question, IReadOnlyList<RetrievedChunk> sources)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(sources);
        return TextLanguage.Detect(question) ?? PassageLanguage(sources);
    }

    private static string? PassageLanguage(IReadOnlyList<RetrievedChunk> sources) =>
        sources.Count > 0 ? TextLanguage.Detect(string.Join('\n', sources.Take(PassagesForLanguage).Select(s => s.Chunk.Text))) : null;

    /// <summary>
    /// Share of the question's term weight (<paramref name="weights"/>, from <see cref="Weights"/>) whose terms occur in
    /// <paramref name="text"/>; 0 when the question has no terms.
    /// </summary>
    public static double Support(IReadOnlyDictionary<string, double> weights, string text, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var total = weights.Values.Sum();
        if (total <= 0)
        {
            return 0;
        }

        var present = (language is null ? Terms.Of(text) : Terms.Of(text, language)).ToHashSet(StringComparer.Ordinal);
        return weights.Where(w => present.Contains(w.Key)).Sum(w => w.Value) / total;
    }

    /// <summary>
    /// An idf weight per question term over the retrieved sentences: a word in nearly every sentence ("de", "la", or a
    /// topic word) weighs little, and a word in none of them (the "salary" a near miss asks about) weighs the most, so
    /// support measures the question's specific words in any language, with no stop list.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Weights(IReadOnlySet<string> queryTerms, IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(queryTerms);
        ArgumentNullException.ThrowIfNull(sentences);
        var sets = sentences.Select(s => s.ToHashSet(StringComparer.Ordinal)).ToList();
        return queryTerms.ToDictionary(
            t => t,
            t =>
            {
                var df = sets.Count(s => s.Contains(t));
                return Math.Log(1 + ((sets.Count - df + 0.5) / (df + 0.5)));
            },
            StringComparer.Ordinal);
    }

    private static async Task<IReadOnlyList<double?>> CosinesAsync(
        string question, List<string> texts, List<double> lexical, IEmbeddingGenerator<string, Embedding<float>>? encoder, CancellationToken cancellationToken)
    {
        var cosines = new double?[texts.Count];
        if (encoder is null)
        {
            return cosines;
        }

        // The lexically best first, so the bound drops the sentences least likely to matter.
        var chosen = Enumerable.Range(0, texts.Count).OrderByDescending(i => lexical[i]).Take(MaxEmbedded).ToList();
        var queryVector = (await encoder.GenerateAsync([question], EmbeddingPurpose.ForQuery(), cancellationToken).ConfigureAwait(false))[0];
        var vectors = await encoder.GenerateAsync(chosen.Select(i => texts[i]), EmbeddingPurpose.ForDocument(), cancellationToken).ConfigureAwait(false);
        for (var k = 0; k < chosen.Count; k++)
        {
            cosines[chosen[k]] = VectorMath.Cosine(queryVector.Vector.Span, vectors[k].Vector.Span);
        }

        return cosines;
    }

    private static bool IsStatement(SentenceSpan unit)
    {
        // Heading breadcrumbs ("Guide > Kitchen") and one- or two-word fragments state nothing.
        if (unit.Text.Contains(" > ", StringComparison.Ordinal))
        {
            return false;
        }

        var words = unit.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return unit.Kind == SentenceKind.ListItem ? words >= 1 : words >= 3;
    }
}
