namespace ChatRag.Decoder.Onnx.Parsing;

/// <summary>Finding tags in streamed text, including the start of a tag cut off at the end of the buffer.</summary>
internal static class TagSearch
{
    /// <summary>The earliest occurrence of any of <paramref name="tags"/>, or (-1, null).</summary>
    public static (int Index, string? Tag) FindFirst(string text, IReadOnlyList<string> tags)
    {
        var best = (Index: -1, Tag: (string?)null);
        foreach (var tag in tags)
        {
            var index = text.IndexOf(tag, StringComparison.Ordinal);
            if (index >= 0 && (best.Tag is null || index < best.Index))
            {
                best = (index, tag);
            }
        }

        return best;
    }

    /// <summary>The length of the longest suffix of <paramref name="text"/> that is a proper prefix of some tag.</summary>
    public static int PartialSuffix(string text, IReadOnlyList<string> tags)
    {
        var longest = 0;
        foreach (var tag in tags)
        {
            for (var length = Math.Min(tag.Length - 1, text.Length); length > longest; length--)
            {
                if (text.AsSpan(text.Length - length).SequenceEqual(tag.AsSpan(0, length)))
                {
                    longest = length;
                    break;
                }
            }
        }

        return longest;
    }
}
