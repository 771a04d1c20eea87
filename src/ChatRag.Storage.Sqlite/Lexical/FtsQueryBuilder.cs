using ChatRag.TextAnalysis.Analysis;
using ChatRag.TextAnalysis.Languages;

namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>
/// Turns free text into a safe FTS5 MATCH expression over the analysed index: the query's terms, each as a double-quoted
/// string, joined with OR and AND-ed with the collection scope. Terms come from the shared analysis
/// (<see cref="TextAnalyzer"/>), which keeps only letters and digits, so nothing the user types (quotes, NEAR, <c>*</c>,
/// <c>^</c>, <c>column:</c>, AND/OR/NOT, parentheses) can act as FTS5 syntax.
/// </summary>
/// <remarks>
/// Each chunk is indexed with its own language's analysis, its terms tagged with the language (<see cref="FtsSchema.Tag"/>).
/// A query is analysed once per language present in the searched collections and the tagged terms are pooled: a French
/// question meets French chunks through French stems and English chunks through English ones (names, numbers, shared
/// words), and no analysis adds noise to another language's chunks. The query's own language, when detected, adds its
/// stop words to every analysis ("de" is not searched as an English word).
/// </remarks>
public static class FtsQueryBuilder
{
    /// <summary>At most this many distinct terms are searched; beyond that a query is a document, not a question.</summary>
    public const int MaxTerms = 64;

    /// <summary>
    /// The distinct tagged terms worth searching for <paramref name="text"/> in chunks of <paramref name="languages"/> (the
    /// query's own language, or English, when none is given): content terms, or every term when the text has only stop words.
    /// </summary>
    public static IReadOnlyList<string> SearchTerms(string text, IReadOnlyCollection<string> languages)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(languages);
        var queryLanguage = TextLanguage.Detect(text);
        IReadOnlyCollection<string> analyses = languages.Count > 0 ? languages : [queryLanguage ?? LanguageProfiles.Default];
        var content = Pool(analyses.SelectMany(l => TextAnalyzer.ContentTerms(text, l, queryLanguage).Select(t => FtsSchema.Tag(l, t))));
        return content.Count > 0 ? content : Pool(analyses.SelectMany(l => TextAnalyzer.IndexTerms(text, l).Select(t => FtsSchema.Tag(l, t))));
    }

    /// <summary>
    /// The MATCH expression for <paramref name="terms"/> (from <see cref="SearchTerms"/>) restricted to
    /// <paramref name="collections"/>, or null when there is no term or no collection:
    /// <c>Scope : ("k..0" OR ...) AND Text : ("t1" OR "t2" ...)</c>.
    /// </summary>
    public static string? Build(IReadOnlyList<string> terms, IEnumerable<string> collections)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(collections);
        var scopes = collections.Distinct(StringComparer.Ordinal).Select(FtsSchema.ScopeToken).ToList();
        if (terms.Count == 0 || scopes.Count == 0)
        {
            return null;
        }

        return $"Scope : ({Or(scopes)}) AND Text : ({Or(terms)})";
    }

    // Tagged terms hold only letters, digits and the tag's underscore, so quoting cannot be escaped from.
    private static string Or(IEnumerable<string> terms) => string.Join(" OR ", terms.Select(t => "\"" + t + "\""));

    private static List<string> Pool(IEnumerable<string> terms) => terms.Distinct(StringComparer.Ordinal).Take(MaxTerms).ToList();
}
