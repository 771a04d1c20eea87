namespace ChatRag.Chat.Extractive;

/// <summary>An extractive answer and the evidence behind it.</summary>
/// <param name="Text">The answer text: the preface and the quoted sentences with their citation markers, or the not-found statement.</param>
/// <param name="Evidence">Whether the documents answer the question, and why.</param>
/// <param name="Quotes">The quoted sentences, best first (empty when nothing was found).</param>
public sealed record ExtractiveAnswer(string Text, AnswerEvidence Evidence, IReadOnlyList<QuotedSentence> Quotes);
