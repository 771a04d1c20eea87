namespace ChatRag.Core.Retrieval;

/// <summary>
/// Tells languages apart by their function words, the most reliable cue in short questions, and by letters only some
/// languages use. A word shared by several languages ("de", "la", "a") counts for each of them in equal parts, so it
/// never decides alone. Returns null when the evidence is weak, so an unknown language never switches a signal off.
/// </summary>
/// <remarks>One entry per language in <see cref="Profiles"/>: adding a language is a table row.</remarks>
public static class QueryLanguage
{
    private static readonly (string Code, HashSet<string> Words, string Letters)[] Profiles =
    [
        ("en", Set("""
            the a an of and or is are was were be been to in on for with what which who whom when where why how does do did
            that this these those it its by from at as not can has have had there their than
            """), ""),
        ("fr", Set("""
            a le la les l un une des du de d et ou est sont était été à au aux en dans pour par sur avec que qui quel quelle
            quels quelles quand où pourquoi comment combien ce cette ces il elle ils elles son sa ses leur leurs ne pas plus
            qu s c n se lors quoi lequel laquelle
            """), "éèêëàâçùûüôîïœ"),
        ("de", Set("""
            der die das und ist nicht ein eine einer zu den mit von für auf im dem des sich wird wurde was wer wann warum wie
            welche welcher welches wo auch bei aus nach oder sind
            """), "äöß"),
        ("es", Set("""
            el la los las de del y es en que un una por para con como qué cuál cuándo dónde quién se su no fue son al
            """), "ñ¿¡"),
        ("it", Set("""
            il lo la i gli le di del della dei che è e un una per con non sono come quando dove chi quale perché nel alla
            """), ""),
        ("pt", Set("""
            o a os as de do da dos das e é em um uma para com não que por como quando onde qual quem são foi no na
            """), "ãõ"),
        ("nl", Set("""
            de het een en van is dat niet op te zijn voor met wat wie hoe waar waarom welke werd zijn ook bij naar
            """), ""),
    ];

    /// <summary>Codes of the languages this detector knows, in table order.</summary>
    public static IReadOnlyList<string> Languages { get; } = Profiles.Select(p => p.Code).ToArray();

    /// <summary>The language code ("en", "fr", "de", "es", "it", "pt", "nl"), or null when undecided.</summary>
    public static string? Detect(string text)
    {
        var (scores, best) = Score(text);
        var second = scores.Where((_, i) => i != best).Max();

        // At least two pieces of evidence and a clear majority: "a", "en" and "on" alone are ambiguous.
        return scores[best] >= 2 - 1e-9 && scores[best] > 2 * second ? Profiles[best].Code : null;
    }

    /// <summary>
    /// The language with the most evidence, however slight, or null when there is none or a tie: for text that must be
    /// given a language (a chunk to index), where a French page quoting English is still French.
    /// </summary>
    public static string? Likeliest(string text)
    {
        var (scores, best) = Score(text);
        return scores[best] > 0 && scores.Count(s => s == scores[best]) == 1 ? Profiles[best].Code : null;
    }

    private static (double[] Scores, int Best) Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scores = new double[Profiles.Length];
        var hits = new List<int>(Profiles.Length);
        foreach (var word in Words(text))
        {
            // A function word, then a letter only some languages use ("où", "arrêta", "año"): each piece of evidence is
            // shared among the languages it fits.
            Credit(scores, hits, i => Profiles[i].Words.Contains(word));
            Credit(scores, hits, i => Profiles[i].Letters.Length > 0 && word.AsSpan().IndexOfAny(Profiles[i].Letters) >= 0);
        }

        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            best = scores[i] > scores[best] ? i : best;
        }

        return (scores, best);
    }

    private static void Credit(double[] scores, List<int> hits, Func<int, bool> fits)
    {
        hits.Clear();
        for (var i = 0; i < Profiles.Length; i++)
        {
            if (fits(i))
            {
                hits.Add(i);
            }
        }

        foreach (var i in hits)
        {
            scores[i] += 1.0 / hits.Count;
        }
    }

    private static HashSet<string> Set(string list) =>
        new(list.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

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
