namespace ChatRag.Contracts.Chat;

/// <summary>One question and its answer in a conversation export.</summary>
/// <param name="Question">What the user asked.</param>
/// <param name="Answer">The answer, with its <c>[n]</c> markers.</param>
/// <param name="Mode"><c>generative</c> or <c>extractive</c>, when known.</param>
/// <param name="Citations">The sources the answer cites, by number, with the cited passages.</param>
/// <param name="Sources">Every passage the answer was given to work from, by number (cited or not).</param>
/// <param name="AskedAt">When the question was asked.</param>
public sealed record ExportedTurn(
    string Question, string Answer, string? Mode, IReadOnlyList<ChatCitation> Citations, IReadOnlyList<ExportedSource> Sources, DateTimeOffset AskedAt);
