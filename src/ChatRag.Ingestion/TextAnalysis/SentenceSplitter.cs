namespace ChatRag.Ingestion.TextAnalysis;

/// <summary>
/// Finds sentence boundaries with a few rules that hold for English-like prose: a terminator followed by space
/// and a capital, digit or opening quote ends a sentence, except after common abbreviations and initials.
/// CJK full stops end a sentence without a following space.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "fig", "figs", "al", "no", "vol", "pp", "cf",
        "approx", "inc", "ltd", "jr", "sr", "st", "eq", "ref", "refs", "sec", "ch", "ca", "resp", "dept", "univ",
    };

    /// <summary>Sentence spans inside <c>text[start..end]</c>, trimmed of surrounding whitespace, in order.</summary>
    public static IEnumerable<(int Start, int End)> Split(string text, int start, int end)
    {
        var sentenceStart = SkipSpace(text, start, end);
        for (var i = sentenceStart; i < end; i++)
        {
            var ch = text[i];
            int boundary;
            if (ch is '。' or '！' or '？')
            {
                boundary = i + 1;
            }
            else if (ch is '.' or '!' or '?' or '…' && IsBoundary(text, sentenceStart, i, end, out boundary))
            {
            }
            else
            {
                continue;
            }

            var trimmedEnd = TrimEnd(text, sentenceStart, boundary);
            if (trimmedEnd > sentenceStart)
            {
                yield return (sentenceStart, trimmedEnd);
            }

            sentenceStart = SkipSpace(text, boundary, end);
            i = sentenceStart - 1;
        }

        var last = TrimEnd(text, sentenceStart, end);
        if (last > sentenceStart)
        {
            yield return (sentenceStart, last);
        }
    }

    private static bool IsBoundary(string text, int sentenceStart, int i, int end, out int boundary)
    {
        boundary = i + 1;
        while (boundary < end && text[boundary] is '.' or '!' or '?' or '"' or '\'' or ')' or ']' or '”' or '’')
        {
            boundary++;
        }

        if (boundary >= end)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[boundary]))
        {
            return false;
        }

        var next = SkipSpace(text, boundary, end);
        if (next >= end)
        {
            return true;
        }

        // A lower-case word or a clause mark after the period means the sentence goes on ("3 p.m. on Monday").
        var nextChar = text[next];
        if (char.IsLower(nextChar) || nextChar is ',' or ';' or ':')
        {
            return false;
        }

        return text[i] != '.' || !IsAbbreviation(text, sentenceStart, i);
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int period)
    {
        var wordStart = period;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] != '(')
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, period - wordStart);
        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return true;
        }

        return Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static int SkipSpace(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
