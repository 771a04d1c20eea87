using ChatRag.TextAnalysis.Analysis;
using ChatRag.TextAnalysis.Languages;

namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>
/// What the lexical index stores for each chunk of a document: its language, its analysed terms, and how many of those
/// are its first line's and how many the rest's (the re-scoring's field lengths, summed per collection by triggers).
/// </summary>
internal static class ChunkAnalysis
{
    /// <summary>
    /// Language, space-separated language-tagged index terms, and title and body term counts per chunk text, in order
    /// (chunks of one document).
    /// </summary>
    public static IReadOnlyList<(string Language, string Terms, int TitleTerms, int BodyTerms)> Analyse(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var languages = TextLanguage.OfChunks(texts);
        var result = new (string, string, int, int)[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var terms = string.Join(' ', TextAnalyzer.IndexTerms(texts[i], languages[i]).Select(t => FtsSchema.Tag(languages[i], t)));
            var title = TitleTerms(texts[i], languages[i]);
            result[i] = (languages[i], terms, title, BodyTerms(terms, title));
        }

        return result;
    }

    /// <summary>
    /// The body term count of a chunk whose terms are stored (<c>Chunks.LexicalTerms</c>, space-separated): all its
    /// terms but the <paramref name="titleTerms"/> first, counted as the re-scoring splits them (at spaces), so the sums
    /// over a collection are what a scan of the stored terms would give.
    /// </summary>
    public static int BodyTerms(string storedTerms, int titleTerms)
    {
        ArgumentNullException.ThrowIfNull(storedTerms);
        return (storedTerms.Length == 0 ? 0 : storedTerms.Count(c => c == ' ') + 1) - titleTerms;
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
