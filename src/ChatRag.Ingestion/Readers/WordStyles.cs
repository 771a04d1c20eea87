using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatRag.Ingestion.Readers;

/// <summary>Heading levels of a document's paragraph styles, by style id (ids are localised, so names and outline levels count too).</summary>
internal sealed class WordStyles
{
    private readonly Dictionary<string, int> headingLevels = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> listStyles = new(StringComparer.OrdinalIgnoreCase);

    public static WordStyles Load(MainDocumentPart main)
    {
        var result = new WordStyles();
        var styles = main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [];
        foreach (var style in styles)
        {
            var id = style.StyleId?.Value;
            if (id is null)
            {
                continue;
            }

            var level = LevelFromName(style.StyleName?.Val?.Value) ?? LevelFromName(id);
            if (level is null && style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is int outline && outline < 9)
            {
                level = outline + 1;
            }

            if (level is int l)
            {
                result.headingLevels[id] = l;
            }

            if ((style.StyleName?.Val?.Value ?? id).StartsWith("List", StringComparison.OrdinalIgnoreCase))
            {
                result.listStyles.Add(id);
            }
        }

        return result;
    }

    /// <summary>1..6 for a heading style, 0 otherwise.</summary>
    public int HeadingLevel(string? styleId)
    {
        if (styleId is null)
        {
            return 0;
        }

        return headingLevels.TryGetValue(styleId, out var level) ? Math.Min(level, 6) : LevelFromName(styleId) ?? 0;
    }

    public bool IsList(string? styleId) => styleId is not null && (listStyles.Contains(styleId) || styleId.StartsWith("List", StringComparison.OrdinalIgnoreCase));

    private static int? LevelFromName(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var compact = name.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (compact.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        return compact.StartsWith("heading", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(compact.AsSpan(7), out var level) && level is >= 1 and <= 9
            ? Math.Min(level, 6)
            : null;
    }
}
