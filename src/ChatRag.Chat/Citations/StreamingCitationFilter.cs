using System.Globalization;
using System.Text;

namespace ChatRag.Chat.Citations;

/// <summary>
/// Cleans streamed answer text before it goes out as <c>delta</c> events: a citation marker split across chunks is
/// held back until it closes, numbers that point nowhere are removed (the whole marker when none is left), and a
/// marker still open when the answer ends is dropped. So no delta ever shows <c>[7]</c> of five sources or a lone <c>[</c>.
/// Text that only looks like a marker at first (<c>[see</c>) is released as soon as it stops looking like one.
/// </summary>
public sealed class StreamingCitationFilter(int sourceCount)
{
    // "[123, 45, 6" is at most this long before the "]"; anything longer is not one of our markers.
    private const int MaxMarkerLength = 32;
    private readonly StringBuilder pending = new();

    /// <summary>Takes the next piece of model text; returns what may be shown now (possibly empty).</summary>
    public string Push(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder();
        foreach (var c in text)
        {
            if (pending.Length == 0)
            {
                if (c == '[')
                {
                    pending.Append(c);
                }
                else
                {
                    output.Append(c);
                }

                continue;
            }

            if (c == ']')
            {
                output.Append(Resolve(pending.ToString(1, pending.Length - 1)));
                pending.Clear();
            }
            else if ((char.IsAsciiDigit(c) || c is ',' or ' ') && pending.Length < MaxMarkerLength)
            {
                pending.Append(c);
            }
            else
            {
                // Not a citation after all: release what was held, and look at this character afresh.
                output.Append(pending);
                pending.Clear();
                output.Append(Push(c.ToString()));
            }
        }

        return output.ToString();
    }

    /// <summary>Ends the stream: a marker still open is dropped (it would show as a lone <c>[</c>).</summary>
    public string Flush()
    {
        // What is held is only "[" with digits, commas and spaces: nothing a reader would miss.
        pending.Clear();
        return string.Empty;
    }

    private string Resolve(string inner)
    {
        var parts = inner.Split(',', StringSplitOptions.TrimEntries);
        if (inner.Length == 0 || inner != inner.Trim() || parts.Any(p => p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit)))
        {
            // "[]", "[ 1]", "[1,,2]" or "[2024]": not a citation marker (CitationChecker leaves them too); show it as written.
            return "[" + inner + "]";
        }

        var kept = parts.Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture))
            .Where(n => n >= 1 && n <= sourceCount).Distinct().ToList();
        return kept.Count == 0 ? string.Empty : "[" + string.Join(", ", kept) + "]";
    }
}
