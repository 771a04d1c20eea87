using System.Text.RegularExpressions;

namespace ChatRag.Chat.Extractive;

/// <summary>
/// Decides by rule, without a model, whether a follow-up needs the previous question to stand on its own: it does
/// when it points back (a third-person pronoun, "this", "that one", "celui-ci"...) or is elliptic ("and why?",
/// "et pourquoi ?", "what about Paris?"); a question that names its own subject is searched as it is.
/// </summary>
public static partial class FollowUpRewriter
{
    // Short follow-ups with at most this many content words read as elliptic even without a pronoun ("and in 2020?").
    private const int EllipticContentWords = 1;

    /// <summary>The query to search with, how it was made (<c>none</c> or <c>terms</c>) and why.</summary>
    public static (string Query, string Method, string Reason) Rewrite(string followUp, string? previousQuestion)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        var message = followUp.Trim();
        if (string.IsNullOrWhiteSpace(previousQuestion))
        {
            return (message, "none", "First question of the conversation.");
        }

        if (Elliptic().Match(message) is { Success: true } ellipsis)
        {
            return (QueryTerms.Rewrite(message, previousQuestion), "terms", $"Elliptic follow-up (\"{ellipsis.Value.Trim()}\"): added the previous question's terms.");
        }

        if (PointsBack().Match(message) is { Success: true } pointer)
        {
            return (QueryTerms.Rewrite(message, previousQuestion), "terms", $"Refers back (\"{pointer.Value.Trim()}\"): added the previous question's terms.");
        }

        if (Text.Terms.Of(message).Count <= EllipticContentWords)
        {
            return (QueryTerms.Rewrite(message, previousQuestion), "terms", "Too short to stand alone: added the previous question's terms.");
        }

        return (message, "none", "Stands on its own (names its subject, no pronoun or ellipsis): searched as asked.");
    }

    [GeneratedRegex(@"^\s*(and|or|but|what about|how about|et|ou|mais|et pour|et pourquoi|et si|et quand|et comment|et combien|et où|et qui)\b|^\s*(why|how|when|where|who|pourquoi|comment|quand|où|qui)\s*\?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Elliptic();

    // "(?<![-'’])": the French inverted subject ("tombe-t-il", "est-elle") names no one earlier; it follows its own subject.
    [GeneratedRegex(@"(?<![-'’])\b(he|she|him|her|his|hers|it|its|they|them|their|theirs|this one|that one|these|those|the latter|the former|il|elle|ils|elles|lui|leur|leurs|son|sa|ses|celui-ci|celle-ci|ceux-ci|celles-ci|celui-là|celle-là|ce dernier|cette dernière|ces derniers|l'y|en parle)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointsBack();
}
