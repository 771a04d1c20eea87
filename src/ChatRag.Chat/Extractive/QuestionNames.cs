using System.Text.RegularExpressions;
using ChatRag.Chat.Text;

namespace ChatRag.Chat.Extractive;

/// <summary>
/// The content terms of a question that belong to names (capitalised words after the first: "Patrick Kane",
/// "l'Ouganda"; not in German, where every noun is capitalised). A near miss names what the documents are about and asks what they do not say ("la
/// pointure de Patrick Kane"): its other words are the ones that must be found.
/// </summary>
public static partial class QuestionNames
{
    /// <summary>The terms (analysed in <paramref name="language"/>) of the names in <paramref name="question"/>.</summary>
    public static IReadOnlySet<string> TermsOf(string question, string? language)
    {
        ArgumentNullException.ThrowIfNull(question);
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (string.Equals(language, "de", StringComparison.Ordinal))
        {
            return names; // German capitalises every noun, so a capital says nothing about a name there.
        }

        // The first word is capitalised by grammar, not because it is a name.
        foreach (var word in Word().Matches(question).Skip(1).Select(m => Elision().Replace(m.Value, string.Empty)))
        {
            if (word.Length > 0 && char.IsUpper(word[0]))
            {
                names.UnionWith(Terms.Of(word, language));
            }
        }

        return names;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex Word();

    // "l'Ouganda", "d'Alger", "qu'Hamidou": the elided article or preposition is not part of the name.
    [GeneratedRegex(@"^\p{Ll}['’]")]
    private static partial Regex Elision();
}
