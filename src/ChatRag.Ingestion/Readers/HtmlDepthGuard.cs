using System.Text;

namespace ChatRag.Ingestion.Readers;

/// <summary>
/// HTML parsers pay more than linearly for deep nesting (10,000 nested divs take AngleSharp seconds), so before
/// parsing, a linear scan estimates element depth and, past the cap, drops the tags but keeps their text.
/// Elements the parser closes implicitly (p, li, td, ...) and void elements do not count towards depth.
/// </summary>
internal static class HtmlDepthGuard
{
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp",
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "html", "head", "body",
    };

    private static readonly string[] RawTextElements = ["script", "style", "textarea", "title", "xmp", "plaintext"];

    /// <summary>The HTML unchanged when it nests at most <paramref name="maxDepth"/> deep; otherwise with deeper tags removed.</summary>
    public static string Flatten(string html, int maxDepth, out bool flattened)
    {
        flattened = Scan(html, maxDepth, output: null);
        if (!flattened)
        {
            return html;
        }

        var output = new StringBuilder(html.Length);
        Scan(html, maxDepth, output);
        return output.ToString();
    }

    /// <summary>Walks the tags; returns whether any went past the cap. With an output, copies everything but those tags.</summary>
    private static bool Scan(string html, int maxDepth, StringBuilder? output)
    {
        var depth = 0;
        var exceeded = false;
        var copied = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            var end = TagEnd(html, i);
            if (end < 0)
            {
                break;
            }

            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var name = TagName(html, closing ? i + 2 : i + 1);
            var drop = false;
            if (name.Length > 0 && !NotNesting.Contains(name) && html[end - 2] != '/')
            {
                if (closing)
                {
                    drop = depth > maxDepth;
                    depth = Math.Max(0, depth - 1);
                }
                else
                {
                    depth++;
                    drop = depth > maxDepth;
                }
            }

            exceeded |= drop;
            if (drop && output is not null)
            {
                output.Append(html, copied, i - copied).Append(' ');
                copied = end;
            }

            i = !closing && RawTextElements.Contains(name, StringComparer.OrdinalIgnoreCase) ? SkipRawText(html, end, name) : end;
        }

        output?.Append(html, copied, html.Length - copied);
        return exceeded;
    }

    private static int TagEnd(string html, int start)
    {
        if (string.CompareOrdinal(html, start, "<!--", 0, 4) == 0)
        {
            var close = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
            return close < 0 ? -1 : close + 3;
        }

        var gt = html.IndexOf('>', start + 1);
        return gt < 0 ? -1 : gt + 1;
    }

    private static string TagName(string html, int start)
    {
        var end = start;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-'))
        {
            end++;
        }

        return end > start && char.IsAsciiLetter(html[start]) ? html[start..end] : string.Empty;
    }

    private static int SkipRawText(string html, int from, string name)
    {
        var close = html.IndexOf("</" + name, from, StringComparison.OrdinalIgnoreCase);
        return close < 0 ? html.Length : close;
    }
}
