namespace ChatRag.Web.Markdown;

/// <summary>A run of marked answer text (see <see cref="AnswerMarkup.Tokenize"/>).</summary>
/// <param name="Kind">What the run is.</param>
/// <param name="Value">The text, or the citation number.</param>
public readonly record struct MarkupToken(MarkupTokenKind Kind, string Value);
