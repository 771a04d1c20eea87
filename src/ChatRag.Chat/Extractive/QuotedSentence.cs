using ChatRag.TextAnalysis.Sentences;

namespace ChatRag.Chat.Extractive;

/// <summary>A candidate sentence of a retrieved passage and its scores.</summary>
/// <param name="Source">Number of its passage in the source list (1-based).</param>
/// <param name="Text">The sentence or list item.</param>
/// <param name="Kind">Sentence or list item.</param>
/// <param name="Lexical">BM25 relevance to the question's content terms, scaled to 0..1 over the candidates.</param>
/// <param name="Cosine">Embedding cosine with the question, or null without an encoder.</param>
/// <param name="FitsType">Whether it holds the kind of content the question asks for.</param>
/// <param name="Score">The combined score that orders the candidates as quotes (it leans on the passage's retrieval rank).</param>
/// <param name="EvidenceScore">
/// The score that picks the sentence the evidence bar judges: the same relevance and type bonus with only a light rank
/// prior, so the bar measures how well the best-matching sentence supports the question, as it was calibrated.
/// </param>
public sealed record QuotedSentence(int Source, string Text, SentenceKind Kind, double Lexical, double? Cosine, bool FitsType, double Score, double EvidenceScore)
{
    /// <summary>A sentence quoted for its place beside another (not ranked on its own).</summary>
    public static QuotedSentence Neighbour(int source, SentenceSpan unit) => new(source, unit.Text, unit.Kind, 0, null, true, 0, 0);
}
