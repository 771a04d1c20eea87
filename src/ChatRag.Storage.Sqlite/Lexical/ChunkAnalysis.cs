using ChatRag.TextAnalysis.Analysis;
using ChatRag.TextAnalysis.Languages;

namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>What the lexical index stores for each chunk of a document: its language, its analysed terms, and how many of those are its first line's.</summary>
internal static class ChunkAnalysis
{
    /// <summary>
    /// Language, space-separated language-tagged index terms, and title term count per chunk text, in order (chunks of
    /// one document).
    /// </summary>
    public static IReadOnlyList<(string Language, string Terms, int TitleTerms)> Analyse(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var languages = TextLanguage.OfChunks(texts);
        var result = new (string, string, int)[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            result[i] = (languages[i], string.Join(' ', TextAnalyzer.IndexTerms(texts[i], languages[i]).Select(t => FtsSchema.Tag(languages[i], t))), TitleTerms(texts[i], languages[i]));
        }

        return result;
    }

    /// <summary>
    /// How many of the chunk's index terms come from its first line: the heading path the ingestion chunker prefixes,
    /// or the title the eval's whole-document chunker writes. A chunk of one line has no title field (0).
    /// </summary>
    public static int TitleTerms(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? 0 : TextAnalyzer.IndexTerms(text[..newline], language).Count;
    }
}
