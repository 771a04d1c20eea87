namespace ChatRag.TextAnalysis.Sentences;

/// <summary>A sentence (or list item, or heading) and where it sits in the text it came from.</summary>
/// <param name="Text">The unit, trimmed.</param>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset one past its last character.</param>
/// <param name="Kind">Sentence, list item or heading.</param>
public readonly record struct SentenceSpan(string Text, int Start, int End, SentenceKind Kind = SentenceKind.Sentence);
