namespace ChatRag.TextAnalysis.Sentences;

/// <summary>
/// The one sentence splitter of ChatRag, used by chunking, citation checking and extractive answers. It splits running
/// text into sentences, keeps each list item whole and marks headings, in English and French: a full stop after an
/// abbreviation or an initial ("Dr.", "M. Dupont", "e.g.", "J. R. R."), inside a number ("14.7", "14,7", "1,000",
/// "1 000") or before a lower-case word does not end a sentence; CJK full stops do without a following space; citation
/// markers written after the full stop ("... storm. [1]") belong to the sentence before them.
/// </summary>
public static partial class SentenceSplitter
{
    // A line without a full stop reads as a heading only when it is short: a long one is a wrapped statement or a caption.
    private const int MaxHeadingWords = 12;

    /// <summary>The sentences, list items and headings of <paramref name="text"/>, in order, trimmed, with offsets into it.</summary>
    public static IReadOnlyList<SentenceSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Split(text, 0, text.Length);
    }

    /// <summary>The units inside <c>text[start..end]</c>, in order, trimmed, with offsets into <paramref name="text"/>.</summary>
    public static IReadOnlyList<SentenceSpan> Split(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        var result = new List<SentenceSpan>();
        var lines = Lines(text, start, end);
        for (var i = 0; i < lines.Count; i++)
        {
            var (lineStart, lineEnd) = lines[i];
            if (ListMarkerLength(text, lineStart, lineEnd) is > 0 and var marker)
            {
                // Wrapped continuation lines (starting lower-case) stay with their item.
                var itemEnd = lineEnd;
                while (i + 1 < lines.Count && Continues(text, lines[i + 1].Start))
                {
                    itemEnd = lines[++i].End;
                }

                Add(text, lineStart + marker, itemEnd, SentenceKind.ListItem, result);
                continue;
            }

            if (IsHeading(text, lines, i))
            {
                var headingStart = lineStart;
                while (headingStart < lineEnd && text[headingStart] == '#')
                {
                    headingStart++;
                }

                Add(text, headingStart, lineEnd, SentenceKind.Heading, result);
                continue;
            }

            // A run of lines where each next one goes on lower-case is one stretch of prose (a wrapped paragraph).
            var runEnd = lineEnd;
            while (i + 1 < lines.Count && Continues(text, lines[i + 1].Start) && ListMarkerLength(text, lines[i + 1].Start, lines[i + 1].End) == 0)
            {
                runEnd = lines[++i].End;
            }

            Sentences(text, lineStart, runEnd, result);
        }

        return result;
    }

    private static bool IsHeading(string text, List<(int Start, int End)> lines, int i)
    {
        var (start, end) = lines[i];
        if (text[start] == '#')
        {
            return true;
        }

        // A short line with no closing punctuation, followed by more text that does not continue it ("Opening hours\nWe open at 9.").
        if (i + 1 >= lines.Count || Continues(text, lines[i + 1].Start) || text[end - 1] is '.' or '!' or '?' or ':' or ';' or ',' or '。' or '！' or '？' or '…')
        {
            return false;
        }

        var words = 1;
        for (var k = start; k < end; k++)
        {
            if (char.IsWhiteSpace(text[k]) && !char.IsWhiteSpace(text[k - 1]))
            {
                words++;
            }
        }

        return words <= MaxHeadingWords && !text.AsSpan(start, end - start).Contains('|');
    }

    /// <summary>Whether the line at <paramref name="lineStart"/> carries on the one before (it starts lower-case or with a clause mark).</summary>
    private static bool Continues(string text, int lineStart) => char.IsLower(text[lineStart]) || text[lineStart] is ',' or ';' or ')' or '»';

    /// <summary>Length of a list marker ("- ", "* ", "• ", "1. ", "2) ", "a) ") at the line's start, else 0.</summary>
    private static int ListMarkerLength(string text, int start, int end)
    {
        if (end - start >= 2 && text[start] is '-' or '*' or '+' or '•' or '◦' or '▪' or '–' or '—' && text[start + 1] == ' ')
        {
            return 2;
        }

        var k = start;
        while (k < end && k - start < 3 && char.IsAsciiDigit(text[k]))
        {
            k++;
        }

        if (k == start && end - start >= 3 && char.IsAsciiLetterLower(text[start]))
        {
            k++;
        }

        // "1." is a numbered item; "a." is not (it reads as an initial), "a)" is.
        var closes = k < end && (text[k] == ')' || (text[k] == '.' && char.IsAsciiDigit(text[start])));
        return k > start && closes && k + 1 < end && text[k + 1] == ' ' ? k + 2 - start : 0;
    }

    private static List<(int Start, int End)> Lines(string text, int start, int end)
    {
        var lines = new List<(int, int)>();
        while (start < end)
        {
            var newline = text.IndexOf('\n', start, end - start);
            var lineEnd = newline < 0 ? end : newline;
            var s = start;
            var e = lineEnd;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                lines.Add((s, e));
            }

            start = lineEnd + 1;
        }

        return lines;
    }

    private static void Add(string text, int start, int end, SentenceKind kind, List<SentenceSpan> into)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            into.Add(new SentenceSpan(text[start..end], start, end, kind));
        }
    }
}
