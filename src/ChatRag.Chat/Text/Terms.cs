using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ChatRag.Chat.Text;

/// <summary>
/// Content terms of a text: lower-cased letter/digit runs, stop words removed, a light suffix strip so that
/// "storms" and "storm" match. Used for sentence scoring, support checks and extractive query rewriting.
/// </summary>
public static class Terms
{
    private static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do", "does", "for", "from",
        "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "me", "more", "most", "my", "no",
        "not", "of", "on", "or", "our", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "those", "to", "too", "us", "was", "we", "were", "what", "when", "where", "which", "who", "whom", "why",
        "will", "with", "would", "you", "your", "about", "tell", "please", "also", "any", "some", "all", "one", "very",
        "he", "she", "his", "her", "him", "just", "like", "made", "make", "many", "much", "only", "other", "such", "because",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The content terms of <paramref name="text"/>, in order, with repeats.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                continue;
            }

            Flush(current, terms);
        }

        Flush(current, terms);
        return terms;
    }

    /// <summary>Whether a lower-cased word is a stop word.</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    private static void Flush(StringBuilder current, List<string> terms)
    {
        if (current.Length == 0)
        {
            return;
        }

        var word = current.ToString();
        current.Clear();
        if (!StopWords.Contains(word) && (word.Length > 1 || char.IsDigit(word[0])))
        {
            terms.Add(Stem(word));
        }
    }

    private static string Stem(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }
}
