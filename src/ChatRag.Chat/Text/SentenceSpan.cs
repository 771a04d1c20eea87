namespace ChatRag.Chat.Text;

/// <summary>A sentence and where it sits in the text it came from.</summary>
/// <param name="Text">The sentence, trimmed.</param>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset one past its last character.</param>
public readonly record struct SentenceSpan(string Text, int Start, int End);
