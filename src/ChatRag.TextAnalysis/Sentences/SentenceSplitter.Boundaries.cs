namespace ChatRag.TextAnalysis.Sentences;

/// <summary>Sentence boundaries inside one stretch of prose.</summary>
public static partial class SentenceSplitter
{
    private static void Sentences(string text, int start, int end, List<SentenceSpan> into)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var ch = text[i];
            int boundary;
            if (ch is '。' or '！' or '？')
            {
                boundary = i + 1;
            }
            else if (ch is not ('.' or '!' or '?' or '…') || !IsBoundary(text, sentenceStart, i, end, out boundary))
            {
                continue;
            }

            boundary = SkipTrailingCitations(text, boundary, end);
            Add(text, sentenceStart, boundary, SentenceKind.Sentence, into);
            sentenceStart = boundary;
            i = boundary - 1;
        }

        Add(text, sentenceStart, end, SentenceKind.Sentence, into);
    }

    private static bool IsBoundary(string text, int sentenceStart, int i, int end, out int boundary)
    {
        boundary = i + 1;
        while (boundary < end && text[boundary] is '.' or '!' or '?' or '…' or '"' or '\'' or ')' or ']' or '”' or '’' or '»')
        {
            // A closing bracket that opens a citation marker ("].") is handled below, not here.
            if (text[boundary] == ']')
            {
                break;
            }

            boundary++;
        }

        if (boundary >= end)
        {
            return true;
        }

        // "storm.[1]": the marker ends the sentence it follows.
        if (text[boundary] == '[' && MarkerEnd(text, boundary, end) > boundary)
        {
            return true;
        }

        // "14.7", "e.g.", "3.14": no space after the stop, so the sentence goes on.
        if (!char.IsWhiteSpace(text[boundary]))
        {
            return false;
        }

        var next = boundary;
        while (next < end && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next >= end)
        {
            return true;
        }

        // A lower-case word or a clause mark after the stop means the sentence goes on ("3 p.m. on Monday", "etc., and").
        var nextChar = text[next];
        if (char.IsLower(nextChar) || nextChar is ',' or ';' or ':' or ')')
        {
            return false;
        }

        return text[i] != '.' || !Abbreviations.Holds(WordBefore(text, sentenceStart, i));
    }

    private static ReadOnlySpan<char> WordBefore(string text, int sentenceStart, int period)
    {
        var wordStart = period;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '«' or '"' or '“' or '\''))
        {
            wordStart--;
        }

        return text.AsSpan(wordStart, period - wordStart);
    }

    private static int SkipTrailingCitations(string text, int boundary, int end)
    {
        var j = boundary;
        while (j < end && text[j] == ' ')
        {
            j++;
        }

        return j < end && text[j] == '[' && MarkerEnd(text, j, end) is var close && close > j ? SkipTrailingCitations(text, close, end) : boundary;
    }

    /// <summary>One past a citation marker ("[1]", "[1, 2]") starting at <paramref name="open"/>, else <paramref name="open"/>.</summary>
    private static int MarkerEnd(string text, int open, int end)
    {
        var close = text.IndexOf(']', open, Math.Min(14, end - open));
        if (close <= open + 1)
        {
            return open;
        }

        return text.AsSpan(open + 1, close - open - 1).ContainsAnyExcept("0123456789, ") ? open : close + 1;
    }
}
