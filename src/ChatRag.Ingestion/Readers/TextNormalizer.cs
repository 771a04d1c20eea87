using System.Text;

namespace ChatRag.Ingestion.Readers;

/// <summary>Whitespace and control-character clean-up shared by the readers.</summary>
internal static class TextNormalizer
{
    /// <summary>One line: every run of whitespace becomes one space, control characters go, ends trimmed.</summary>
    public static string Inline(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u00AD' || ch == '\u200B')
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (char.IsControl(ch))
            {
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(ch);
        }

        return result.ToString();
    }

    /// <summary>Several lines: each line cleaned of control characters and trailing spaces, outer blank lines dropped.</summary>
    public static string Lines(string? text, bool keepBlankLines)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => new string(l.Where(c => c == '\t' || !char.IsControl(c)).ToArray()).TrimEnd());
        if (!keepBlankLines)
        {
            lines = lines.Where(l => l.Length > 0);
        }

        return string.Join('\n', lines).Trim('\n');
    }
}
