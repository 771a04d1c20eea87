namespace ChatRag.Core.Retrieval;

/// <summary>
/// Tells English and French queries apart by their function words, the most reliable cue in short questions.
/// Returns null when the evidence is weak, so an unknown language never switches a signal off.
/// </summary>
public static class QueryLanguage
{
    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "and", "or", "is", "are", "was", "were", "be", "been", "to", "in", "on", "for", "with",
        "what", "which", "who", "whom", "when", "where", "why", "how", "does", "do", "did", "that", "this", "these",
        "those", "it", "its", "by", "from", "at", "as", "not", "can", "has", "have", "had", "there", "their", "than",
    };

    private static readonly HashSet<string> French = new(StringComparer.Ordinal)
    {
        "a", "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "est", "sont", "était", "été", "à", "au",
        "aux", "en", "dans", "pour", "par", "sur", "avec", "que", "qui", "quel", "quelle", "quels", "quelles", "quand",
        "où", "pourquoi", "comment", "combien", "ce", "cette", "ces", "il", "elle", "ils", "elles", "son", "sa", "ses",
        "leur", "leurs", "ne", "pas", "plus", "qu", "s", "c", "n", "se", "lors", "quoi", "lequel", "laquelle",
    };

    private static readonly System.Buffers.SearchValues<char> FrenchLetters = System.Buffers.SearchValues.Create("éèêëàâçùûüôîïœ");

    /// <summary>"en", "fr", or null when undecided.</summary>
    public static string? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int english = 0, french = 0;
        foreach (var word in Words(text))
        {
            if (English.Contains(word))
            {
                english++;
            }

            if (French.Contains(word))
            {
                french++;
            }

            // Letters English does not use are French evidence too ("où", "arrêta", "prospérité").
            if (word.AsSpan().IndexOfAny(FrenchLetters) >= 0)
            {
                french++;
            }
        }

        // At least two pieces of evidence and a clear majority: "a", "en" and "on" alone are ambiguous.
        if (english >= 2 && english > 2 * french)
        {
            return "en";
        }

        return french >= 2 && french > 2 * english ? "fr" : null;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetter(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
