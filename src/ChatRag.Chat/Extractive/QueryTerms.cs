using ChatRag.Chat.Text;
using ChatRag.TextAnalysis.Languages;

namespace ChatRag.Chat.Extractive;

/// <summary>Rewrites a follow-up without a model: appends the previous question's content terms that the follow-up lacks.</summary>
public static class QueryTerms
{
    /// <summary>The standalone query for <paramref name="followUp"/> given the previous user question.</summary>
    public static string Rewrite(string followUp, string? previousQuestion)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        if (string.IsNullOrWhiteSpace(previousQuestion))
        {
            return followUp.Trim();
        }

        // One language for both questions, so a word shared by them is recognised as the same term.
        var language = TextLanguage.Detect(followUp) ?? TextLanguage.Detect(previousQuestion);
        var present = Terms.Of(followUp, language).ToHashSet(StringComparer.Ordinal);
        var added = previousQuestion
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('?', '.', ',', '!', ';', ':', '"', '\'', '(', ')'))
            .Where(w => w.Length > 0)
            .Where(w => Terms.Of(w, language) is { Count: 1 } t && !present.Contains(t[0]) && present.Add(t[0]))
            .ToList();
        return added.Count == 0 ? followUp.Trim() : $"{followUp.Trim()} {string.Join(' ', added)}";
    }
}
