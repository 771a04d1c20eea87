using System.Globalization;
using System.Text;

namespace ChatRag.Ingestion;

/// <summary>
/// Turns whatever name a client sent into a safe display name: no directories (<c>../</c>), no control or
/// bidirectional-override characters, no characters Windows forbids, no reserved device names, bounded length
/// with the extension kept. The result is for display and logs only; stored files always get generated names.
/// </summary>
public static class FileNameSanitizer
{
    /// <summary>Longest display name, in characters.</summary>
    public const int MaxLength = 180;

    /// <summary>Name used when nothing usable is left.</summary>
    public const string Fallback = "document";

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CLOCK$",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>A safe display name for <paramref name="fileName"/>.</summary>
    public static string ToDisplayName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return Fallback;
        }

        // Only the last path segment; clients on any OS may send either separator.
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = Clean(name.Normalize(NormalizationForm.FormC)).Trim().Trim('.').Trim();
        if (name.Length == 0)
        {
            return Fallback;
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        if (ReservedNames.Contains(stem.TrimEnd()))
        {
            name = "_" + name;
        }

        return Truncate(name);
    }

    private static string Clean(string name)
    {
        var result = new StringBuilder(name.Length);
        var lastWasSpace = false;
        foreach (var ch in name)
        {
            var category = char.GetUnicodeCategory(ch);
            var drop = char.IsControl(ch)
                || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || ch is '<' or '>' or ':' or '"' or '|' or '?' or '*' or '\uFFFD';
            if (drop)
            {
                continue;
            }

            var space = char.IsWhiteSpace(ch);
            if (space && lastWasSpace)
            {
                continue;
            }

            result.Append(space ? ' ' : ch);
            lastWasSpace = space;
        }

        return result.ToString();
    }

    private static string Truncate(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (extension.Length > 16)
        {
            extension = string.Empty;
        }

        var keep = MaxLength - extension.Length;
        var stem = name[..^extension.Length];

        // Cut on a text-element boundary so a surrogate pair or combining sequence is never split.
        var end = 0;
        while (end < stem.Length)
        {
            var next = StringInfo.GetNextTextElementLength(stem.AsSpan(end));
            if (end + next > keep)
            {
                break;
            }

            end += next;
        }

        var cut = stem[..end];
        return cut.TrimEnd(' ', '.') + extension;
    }
}
