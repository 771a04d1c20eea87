using ChatRag.TextAnalysis.Analysis;
using ChatRag.TextAnalysis.Languages;

namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>What the lexical index stores for each chunk of a document: its language and its analysed terms.</summary>
internal static class ChunkAnalysis
{
    /// <summary>Language and space-separated, language-tagged index terms per chunk text, in order (chunks of one document).</summary>
    public static IReadOnlyList<(string Language, string Terms)> Analyse(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var languages = TextLanguage.OfChunks(texts);
        var result = new (string, string)[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            result[i] = (languages[i], string.Join(' ', TextAnalyzer.IndexTerms(texts[i], languages[i]).Select(t => FtsSchema.Tag(languages[i], t))));
        }

        return result;
    }
}
