using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Util;

namespace ChatRag.TextAnalysis.Analysis;

/// <summary>How one language is analysed: its stop words, elided articles and stemmer, all taken from Lucene.</summary>
/// <param name="Code">ISO 639-1 code ("en", "fr").</param>
/// <param name="StopWords">Function words dropped from queries and content terms (never from the index).</param>
/// <param name="QuestionWords">Words that ask rather than say (interrogatives, "please"), dropped from queries and content terms with the stop words ("combien", "how").</param>
/// <param name="Articles">Elided articles and pronouns removed before an apostrophe (<c>l'</c>, <c>qu'</c>), or null.</param>
/// <param name="Stem">Wraps a lower-cased token stream in the language's stemmer.</param>
/// <param name="FoldBeforeStem">
/// Fold accents before stemming. English keeps the order SQLite's <c>porter unicode61 remove_diacritics</c> had; the
/// stemmers of accented languages need their accents, so they are folded after.
/// </param>
public sealed record LanguageProfile(
    string Code,
    CharArraySet StopWords,
    CharArraySet QuestionWords,
    CharArraySet? Articles,
    Func<TokenStream, TokenStream> Stem,
    bool FoldBeforeStem = false);
