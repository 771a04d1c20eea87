namespace ChatRag.Chat.Citations;

/// <summary>One answer sentence that cites a passage, and how well the passage supports it.</summary>
/// <param name="Sentence">The sentence (without its citation markers).</param>
/// <param name="Start">Offset of the sentence in the answer.</param>
/// <param name="End">Offset one past its end.</param>
/// <param name="Score">Support score 0..1: share of the sentence's content terms found in the passage.</param>
/// <param name="Supported">Whether the passage supports the sentence: the lexical score reaches its threshold, or the embedding cosine reaches its own.</param>
/// <param name="SemanticScore">Cosine between the sentence and the passage's best sentence window, computed only when the lexical score alone does not support it; otherwise null.</param>
public sealed record ClaimSupport(string Sentence, int Start, int End, double Score, bool Supported, double? SemanticScore = null);
