namespace ChatRag.Web.Markdown;

/// <summary>
/// Recognises the notice an extractive answer starts with ("Extractive answer (quoted from your documents; ...):"
/// followed by a blank line), so the chat can draw it muted instead of as part of the quoted text.
/// </summary>
public static class ExtractivePreface
{
    private const string Start = "Extractive answer";

    /// <summary>
    /// True when <paramref name="mode"/> is <c>extractive</c> and the answer's first paragraph is one line that starts
    /// with "Extractive answer" and ends with a colon, followed by a blank line and more text. Anything else (a
    /// generative answer quoting those words, an extractive answer without the notice) is left as it is.
    /// </summary>
    public static bool IsPresent(string? mode, string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (mode != "extractive")
        {
            return false;
        }

        var text = answer.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart();
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (end <= 0 || text[(end + 2)..].Trim().Length == 0)
        {
            return false;
        }

        var first = text[..end].Trim();
        return first.StartsWith(Start, StringComparison.Ordinal) && first.EndsWith(':') && !first.Contains('\n', StringComparison.Ordinal);
    }
}
