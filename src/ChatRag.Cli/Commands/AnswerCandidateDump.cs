using ChatRag.Chat;
using ChatRag.Chat.Extractive;
using ChatRag.Chat.Text;
using ChatRag.Core.Embeddings;
using ChatRag.Core.Retrieval;
using ChatRag.TextAnalysis.Sentences;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Cli.Commands;

/// <summary>
/// <c>eval --answers --candidates FILE</c>: per question, what the extractive answerer chooses from (the retrieved
/// passages split into sentences with their analysed terms, the ranked candidates with both scores, the support per
/// passage), written instead of chatting, so that answer-composition and answerability rules can be compared offline
/// on the same retrieval (bench/answers/rescore.py) before one is built into the chat path and measured there.
/// </summary>
internal static class AnswerCandidateDump
{
    /// <summary>The record of one question.</summary>
    public static async Task<object> OfAsync(
        IServiceProvider services, string collection, (string Id, string Text, IReadOnlyList<string> Gold, bool Answerable) question, CancellationToken cancellationToken)
    {
        var searcher = services.GetRequiredService<HybridSearcher>();
        var chat = services.GetRequiredService<IOptions<GroundedChatOptions>>().Value;
        var sources = (await searcher.SearchAsync(new SearchRequest(question.Text, [collection], chat.Sources), cancellationToken)).Results;
        var encoder = services.GetService<IEncoderCatalog>()?.Encoders is [var first, ..] ? first.Generator : null;
        var ranked = await SentenceRanker.RankAsync(question.Text, sources, encoder, cancellationToken);
        var language = SentenceRanker.AnalysisLanguage(question.Text, sources);
        var kind = QuestionType.Of(question.Text);
        return new
        {
            id = question.Id,
            question = question.Text,
            gold = question.Gold,
            answerable = question.Answerable,
            language,
            qterms = Terms.Of(question.Text, language).Distinct().ToList(),
            // What the names rule leaves out of the question's terms, and what a refusal says (in the question's own
            // language, not the analysis language): rescore.py replays both exactly from these.
            nameTerms = QuestionNames.TermsOf(question.Text, language).Order(StringComparer.Ordinal).ToList(),
            notFound = ExtractiveAnswerer.NotFoundFor(ranked),
            kind = kind.ToString(),
            support = ranked.SourceSupport,
            sources = sources.Select(s => new
            {
                doc = s.Chunk.DocumentName,
                units = SentenceSplitter.Split(s.Chunk.Text).Select(u => new
                {
                    text = u.Text,
                    kind = u.Kind.ToString(),
                    terms = Terms.Of(u.Text, language),
                    fits = QuestionType.Fits(kind, u.Text, question.Text),
                }).ToList(),
            }).ToList(),
            candidates = ranked.Candidates.Select(c => new
            {
                source = c.Source,
                text = c.Text,
                lex = c.Lexical,
                cos = c.Cosine,
                fits = c.FitsType,
                score = c.Score,
                evidence = c.EvidenceScore,
            }).ToList(),
        };
    }
}
