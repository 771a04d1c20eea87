using System.Text;
using System.Text.RegularExpressions;
using ChatRag.Contracts.Chat;

namespace ChatRag.Web.Markdown;

/// <summary>
/// Marks citation numbers and unsupported sentences in an answer with private-use characters before Markdown parsing,
/// so they survive Markdig's splitting of literals (it breaks text at <c>[</c>) and can become controls afterwards.
/// </summary>
public static partial class AnswerMarkup
{
    /// <summary>Starts a citation number.</summary>
    public const char CiteStart = '\uE000';

    /// <summary>Ends a citation number.</summary>
    public const char CiteEnd = '\uE001';

    /// <summary>Starts an unsupported sentence.</summary>
    public const char UnsupportedStart = '\uE002';

    /// <summary>Ends an unsupported sentence.</summary>
    public const char UnsupportedEnd = '\uE003';

    /// <summary>Returns the answer with markers: <c>[n]</c> (or <c>[n, m]</c>) becomes CiteStart n CiteEnd; unsupported claims are bracketed.</summary>
    public static string Prepare(string answer, IEnumerable<ChatCitation> citations)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(citations);
        var ranges = citations
            .SelectMany(c => c.Claims ?? [])
            .Where(c => !c.Supported && c.Start >= 0 && c.End > c.Start && c.End <= answer.Length)
            .Select(c => (c.Start, c.End))
            .Distinct()
            .OrderBy(r => r.Start)
            .ToList();

        var text = new StringBuilder(answer.Length + 8);
        var position = 0;
        foreach (var (start, end) in ranges)
        {
            if (start < position)
            {
                continue; // overlapping claims: the first one already marks this text
            }

            text.Append(answer, position, start - position).Append(UnsupportedStart)
                .Append(answer, start, end - start).Append(UnsupportedEnd);
            position = end;
        }

        text.Append(answer, position, answer.Length - position);
        return CitationPattern().Replace(text.ToString(), m => $"{CiteStart}{m.Groups[1].Value}{CiteEnd}");
    }

    /// <summary>Turns markers back into plain text (for code, where citations stay literal).</summary>
    public static string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace(CiteStart, '[').Replace(CiteEnd, ']')
            .Replace(UnsupportedStart.ToString(), string.Empty, StringComparison.Ordinal)
            .Replace(UnsupportedEnd.ToString(), string.Empty, StringComparison.Ordinal);
    }

    /// <summary>Splits marked text into plain runs, citation numbers and unsupported-range boundaries.</summary>
    public static IEnumerable<MarkupToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        foreach (Match match in TokenPattern().Matches(text))
        {
            if (match.Index > position)
            {
                yield return new MarkupToken(MarkupTokenKind.Text, text[position..match.Index]);
            }

            yield return match.Value[0] switch
            {
                CiteStart => new MarkupToken(MarkupTokenKind.Citation, match.Groups[1].Value),
                UnsupportedStart => new MarkupToken(MarkupTokenKind.UnsupportedStart, string.Empty),
                _ => new MarkupToken(MarkupTokenKind.UnsupportedEnd, string.Empty),
            };
            position = match.Index + match.Length;
        }

        if (position < text.Length)
        {
            yield return new MarkupToken(MarkupTokenKind.Text, text[position..]);
        }
    }

    // The server writes a sentence citing several sources as one marker, "[1, 2]" (CitationChecker). [0-9], not \d:
    // \d matches every Unicode digit ("[\u0661]"), which int.Parse then refuses, and the server leaves such text as written.
    [GeneratedRegex(@"\[([0-9]{1,3}(?: *, *[0-9]{1,3})*)\]")]
    private static partial Regex CitationPattern();

    [GeneratedRegex("\uE000([0-9, ]+)\uE001|\uE002|\uE003")]
    private static partial Regex TokenPattern();
}
