using System.Collections.Frozen;

namespace ChatRag.TextAnalysis.Sentences;

/// <summary>
/// Words that a full stop follows without ending the sentence, in English and French. Words that often close a
/// sentence as well ("etc.", "Inc.") are not listed: they end one when a capital follows and not before a lower-case
/// word or a comma, which the splitter already checks.
/// </summary>
internal static class Abbreviations
{
    // Titles and other words that always lead into more of the same sentence ("Dr. Okafor", "M. Dupont", "p. 12").
    private static readonly FrozenSet<string> Leading = new[]
    {
        "dr", "mr", "mrs", "ms", "prof", "mme", "mmes", "mlle", "mlles", "mm", "me", "pr", "st", "ste", "sr", "jr", "gen",
        "gén", "col", "capt", "lt", "sgt", "rev", "hon", "messrs", "fig", "figs", "no", "nos", "vol", "pp", "p", "cf", "ch",
        "chap", "art", "al", "eq", "ref", "refs", "sec", "ca", "approx", "env", "vs", "resp", "dept", "univ", "av", "apr",
        "e.g", "i.e", "ex", "op", "cit", "ibid", "éd", "ed", "eds", "trad", "n°", "mt", "ft",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a full stop after <paramref name="word"/> cannot end a sentence.</summary>
    public static bool Holds(ReadOnlySpan<char> word) =>
        (word.Length == 1 && char.IsLetter(word[0])) // an initial ("J. R. R. Tolkien", "M. Dupont")
        || Leading.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
        || IsDottedInitials(word); // "U.S", "J.-C", "e.g" written in capitals

    private static bool IsDottedInitials(ReadOnlySpan<char> word)
    {
        // "U.S" or "J.-C": single letters joined by dots (and a hyphen), never a word.
        if (word.IndexOf('.') < 0)
        {
            return false;
        }

        foreach (var part in word.ToString().Split('.', '-'))
        {
            if (part.Length > 1 || (part.Length == 1 && !char.IsLetter(part[0])))
            {
                return false;
            }
        }

        return true;
    }
}
