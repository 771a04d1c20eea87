namespace ChatRag.Core.Evaluation;

/// <summary>What the chat path did with one evaluation question.</summary>
/// <param name="Id">Question id.</param>
/// <param name="Answerable">Whether the question has gold answers in the corpus (false: from the unanswerable set).</param>
/// <param name="Found">The response's <c>found</c>.</param>
/// <param name="AnswerHasGold">Whether the quoted answer contains a gold span.</param>
/// <param name="CitedHasGold">Whether a cited passage contains a gold span.</param>
/// <param name="AnswerLength">Characters of the answer as shown, without the extractive preface.</param>
/// <param name="Support">The evidence's content-term support.</param>
/// <param name="Cosine">The evidence's cosine, when an encoder was configured.</param>
public sealed record AnswerOutcome(string Id, bool Answerable, bool Found, bool AnswerHasGold, bool CitedHasGold, int AnswerLength, double Support, double? Cosine);
