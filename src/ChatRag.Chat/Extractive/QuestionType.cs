using System.Text.RegularExpressions;

namespace ChatRag.Chat.Extractive;

/// <summary>What kind of content a question asks for, read from its question words (English and French).</summary>
public enum AnswerKind
{
    /// <summary>No particular kind (what, why, how...).</summary>
    Any,

    /// <summary>A quantity: how many, how much, combien, what percentage.</summary>
    Number,

    /// <summary>A date or year: when, what year, quand, en quelle année.</summary>
    Date,

    /// <summary>A person: who, whom, qui.</summary>
    Person,
}

/// <summary>Reads the kind of answer a question expects and whether a sentence holds content of that kind.</summary>
public static partial class QuestionType
{
    /// <summary>The kind of answer <paramref name="question"/> asks for.</summary>
    public static AnswerKind Of(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (DateQuestion().IsMatch(question))
        {
            return AnswerKind.Date;
        }

        if (NumberQuestion().IsMatch(question))
        {
            return AnswerKind.Number;
        }

        return PersonQuestion().IsMatch(question) ? AnswerKind.Person : AnswerKind.Any;
    }

    /// <summary>Whether <paramref name="sentence"/> holds content of <paramref name="kind"/> that the question itself does not name.</summary>
    public static bool Fits(AnswerKind kind, string sentence, string question)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(question);
        return kind switch
        {
            AnswerKind.Number => Number().Matches(sentence).Any(m => !question.Contains(m.Value, StringComparison.Ordinal)),
            AnswerKind.Date => Year().Matches(sentence).Any(m => !question.Contains(m.Value, StringComparison.Ordinal)) || Month().IsMatch(sentence),
            AnswerKind.Person => Name().Matches(sentence).Any(m => m.Index > 0 && !question.Contains(m.Value, StringComparison.OrdinalIgnoreCase)),
            _ => true,
        };
    }

    [GeneratedRegex(@"\b(when|what year|which year|what date|quand|en quelle année|quelle année|à quelle date|quelle date|depuis quand|à quelle époque|en quel siècle)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateQuestion();

    [GeneratedRegex(@"\b(how many|how much|how long|how old|how far|what percentage|what proportion|what share|combien|quel nombre|quelle proportion|quel pourcentage|quelle part|quelle taille|quelle superficie|quelle population|quel âge|quelle somme|quel montant|what is the (?:number|percentage|proportion|population|size|area|amount|cost|price|length|height|rate)|quel(?:le)?s? (?:est|était|sont|fut|étaient) (?:l[ea]s? |l')?(?:nombre|proportion|pourcentage|part|taille|superficie|population|montant|somme|âge|prix|coût|durée|distance|hauteur|longueur|vitesse|taux|croissance|budget))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberQuestion();

    [GeneratedRegex(@"^\s*(who|whom|whose|qui)\b|\b(who|whom|whose|par qui|à qui|de qui|qui est|qui a|qui fut|qui était)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonQuestion();

    [GeneratedRegex(@"\d+(?:[.,\u00A0\u202F ]\d+)*")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(1\d{3}|20\d{2})\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(january|february|march|april|june|july|august|september|october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Month();

    // Two capitalised words in a row, or one after a title: "Maria Ostrand", "Dr. Okafor", "Mme Kazibwe".
    [GeneratedRegex(@"\b(?:(?:Dr|Mr|Mrs|Ms|Prof|M|Mme|Mlle)\.?\s+)?\p{Lu}[\p{Ll}'’-]+(?:\s+(?:de\s+|van\s+|von\s+)?\p{Lu}[\p{Ll}'’-]+)+")]
    private static partial Regex Name();
}
