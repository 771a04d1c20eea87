namespace ChatRag.Contracts.Chat;

/// <summary>An answer sentence that cites a source, checked against it.</summary>
/// <param name="Sentence">The sentence (without its citation markers).</param>
/// <param name="Start">Offset of the sentence in the answer.</param>
/// <param name="End">Offset one past its end.</param>
/// <param name="Score">Support score 0..1: share of the sentence's content terms found in the passage.</param>
/// <param name="Supported">Whether the score reaches the configured threshold.</param>
public sealed record CitedClaim(string Sentence, int Start, int End, double Score, bool Supported);
