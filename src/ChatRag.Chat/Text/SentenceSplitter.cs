namespace ChatRag.Chat.Text;

/// <summary>Splits text into sentences at . ! ? and line breaks, keeping offsets (good enough for citations; no abbreviation model).</summary>
public static class SentenceSplitter
{
    /// <summary>Sentences of <paramref name="text"/>, in order, trimmed, with offsets into it.</summary>
    public static IReadOnlyList<SentenceSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<SentenceSpan>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var boundary = c is '\n' || (c is '.' or '!' or '?' && EndsSentence(text, i));
            if (!boundary)
            {
                continue;
            }

            // Citation markers written after the full stop ("... storm. [1]") belong to the sentence before them.
            var end = i + 1;
            end = SkipTrailingCitations(text, end);
            Add(text, start, end, result);
            start = end;
            i = end - 1;
        }

        Add(text, start, text.Length, result);
        return result;
    }

    private static bool EndsSentence(string text, int i)
    {
        // A full stop between digits (3.14) or letters (e.g.) is not a boundary.
        if (i + 1 >= text.Length)
        {
            return true;
        }

        var next = text[i + 1];
        return char.IsWhiteSpace(next) || next is '[' or '"' or '\'' or ')';
    }

    private static int SkipTrailingCitations(string text, int end)
    {
        var j = end;
        while (j < text.Length && text[j] == ' ')
        {
            j++;
        }

        if (j < text.Length && text[j] == '[')
        {
            var close = text.IndexOf(']', j);
            if (close > j && close - j <= 12 && text.AsSpan(j + 1, close - j - 1).ContainsAnyExcept("0123456789, ") is false)
            {
                return SkipTrailingCitations(text, close + 1);
            }
        }

        return end;
    }

    private static void Add(string text, int start, int end, List<SentenceSpan> into)
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
            into.Add(new SentenceSpan(text[start..end], start, end));
        }
    }
}
