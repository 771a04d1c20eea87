using ChatRag.TextAnalysis.Analysis;
using ChatRag.TextAnalysis.Languages;

namespace ChatRag.Chat.Text;

/// <summary>
/// Content terms of a text for sentence scoring, support checks and extractive query rewriting: the shared lexical
/// analysis (<see cref="TextAnalyzer"/>: elision removed, stop and question words dropped, stemmed, accents folded) in the
/// text's language, single letters left out. Two texts compared must be analysed in one language, so callers that
/// know it (the question's) pass it.
/// </summary>
public static class Terms
{
    /// <summary>The content terms of <paramref name="text"/>, analysed in its detected language, in order, with repeats.</summary>
    public static IReadOnlyList<string> Of(string text) => Of(text, TextLanguage.Detect(text));

    /// <summary>The content terms of <paramref name="text"/> analysed in <paramref name="language"/> (null: the default language).</summary>
    public static IReadOnlyList<string> Of(string text, string? language)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TextAnalyzer.ContentTerms(text, language).Where(t => t.Length > 1 || char.IsDigit(t[0])).ToList();
    }

    /// <summary>Whether a lower-cased word is a stop or question word of any supported language.</summary>
    public static bool IsStopWord(string word) => LanguageProfiles.All.Keys.Any(language => TextAnalyzer.IsStopWord(word, language));
}
