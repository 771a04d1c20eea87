namespace ChatRag.Chat.Extractive;

/// <summary>
/// How well the retrieved passages support an answer, measured on the best candidate sentence, and whether that is
/// enough to answer at all (see <see cref="Answerability"/>).
/// </summary>
/// <param name="Found">Whether the documents answer the question.</param>
/// <param name="Support">Share (0..1) of the question's content-term weight (idf over the retrieved sentences) that the best sentence's passage holds.</param>
/// <param name="Cosine">Embedding cosine between the question and the best sentence, or null without an encoder.</param>
/// <param name="Reason">Why the answer was or was not found, in words, for the trace.</param>
public sealed record AnswerEvidence(bool Found, double Support, double? Cosine, string Reason);
