using System.Globalization;
using System.Text;

namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>
/// Turns free text into a safe FTS5 MATCH expression: the words of the text, each as a double-quoted string, joined
/// with OR and AND-ed with the collection scope. Only letters, digits and combining marks survive into a word, so nothing the user types (quotes, NEAR,
/// <c>*</c>, <c>^</c>, <c>column:</c>, AND/OR/NOT, parentheses) can act as FTS5 syntax.
/// </summary>
public static class FtsQueryBuilder
{
    /// <summary>At most this many distinct words are searched; beyond that a query is a document, not a question.</summary>
    public const int MaxTerms = 64;

    /// <summary>Distinct lower-cased words of <paramref name="text"/>, in order of first appearance, at most <see cref="MaxTerms"/>.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        // No Unicode normalisation here (a no-op under invariant globalization): combining marks stay inside the word and
        // unicode61's remove_diacritics drops them, so decomposed and precomposed accents match alike.
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                word.Append(rune.ToString());
                continue;
            }

            if (Flush(word, terms, seen))
            {
                return terms;
            }
        }

        Flush(word, terms, seen);
        return terms;
    }

    /// <summary>The words worth searching: <see cref="Terms"/> without stop words, unless nothing else is left.</summary>
    public static IReadOnlyList<string> SearchTerms(string text)
    {
        var terms = Terms(text);
        var content = terms.Where(t => !StopWords.Contains(t)).ToList();
        return content.Count > 0 ? content : terms;
    }

    /// <summary>
    /// The MATCH expression for <paramref name="text"/> restricted to <paramref name="collections"/>, or null when the
    /// text has no word or no collection is given: <c>Scope : ("k..0" OR ...) AND Text : ("w1" OR "w2" ...)</c>.
    /// </summary>
    public static string? Build(string text, IEnumerable<string> collections)
    {
        ArgumentNullException.ThrowIfNull(collections);
        var terms = SearchTerms(text);
        var scopes = collections.Distinct(StringComparer.Ordinal).Select(FtsSchema.ScopeToken).ToList();
        if (terms.Count == 0 || scopes.Count == 0)
        {
            return null;
        }

        return $"Scope : ({Or(scopes)}) AND Text : ({Or(terms)})";
    }

    // Terms hold only letters, digits and marks, so quoting cannot be escaped from.
    private static string Or(IEnumerable<string> terms) => string.Join(" OR ", terms.Select(t => "\"" + t + "\""));

    // Mirrors unicode61's token characters (letters, numbers, private use) plus marks, which its diacritic folding removes.
    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.PrivateUse => true,
        _ => false,
    };

    // Returns true once the term budget is spent.
    private static bool Flush(StringBuilder word, List<string> terms, HashSet<string> seen)
    {
        if (word.Length == 0)
        {
            return false;
        }

        var term = word.ToString().ToLowerInvariant();
        word.Clear();
        if (seen.Add(term))
        {
            terms.Add(term);
        }

        return terms.Count >= MaxTerms;
    }
}
