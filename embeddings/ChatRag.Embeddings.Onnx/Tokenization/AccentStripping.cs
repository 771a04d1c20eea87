using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ChatRag.Embeddings.Onnx.Tokenization;

/// <summary>
/// NFD decomposition followed by removal of nonspacing marks, one code point at a time, as BERT's uncased
/// normaliser does. The table is our own because <c>string.Normalize</c> is a no-op under InvariantGlobalization.
/// </summary>
internal static class AccentStripping
{
    private const int HangulBase = 0xAC00, HangulCount = 11172, LeadBase = 0x1100, VowelBase = 0x1161, TrailBase = 0x11A7;
    private const int VowelCount = 21, TrailCount = 28;

    private static readonly FrozenDictionary<int, int[]> Table = Load();

    /// <summary>Writes the stripped form of <paramref name="rune"/> into <paramref name="destination"/>; returns how many runes.</summary>
    public static int Strip(Rune rune, Span<Rune> destination)
    {
        var cp = rune.Value;
        if (cp < 0xC0)
        {
            destination[0] = rune;
            return 1;
        }

        if (cp is >= HangulBase and < HangulBase + HangulCount)
        {
            // Hangul syllables decompose algorithmically into conjoining jamo (all letters, nothing to strip).
            var index = cp - HangulBase;
            destination[0] = new Rune(LeadBase + (index / (VowelCount * TrailCount)));
            destination[1] = new Rune(VowelBase + (index % (VowelCount * TrailCount) / TrailCount));
            var trail = index % TrailCount;
            if (trail == 0)
            {
                return 2;
            }

            destination[2] = new Rune(TrailBase + trail);
            return 3;
        }

        if (Table.TryGetValue(cp, out var mapped))
        {
            for (var i = 0; i < mapped.Length; i++)
            {
                destination[i] = new Rune(mapped[i]);
            }

            return mapped.Length;
        }

        if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
        {
            return 0;
        }

        destination[0] = rune;
        return 1;
    }

    /// <summary>Longest expansion in the table, so callers can size their scratch space.</summary>
    public const int MaxExpansion = 18;

    private static FrozenDictionary<int, int[]> Load()
    {
        using var stream = typeof(AccentStripping).Assembly.GetManifestResourceStream("ChatRag.Embeddings.Onnx.accent-stripping.txt")
            ?? throw new InvalidOperationException("The accent-stripping table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<int, int[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(' ');
            var values = new int[parts.Length - 1];
            for (var i = 1; i < parts.Length; i++)
            {
                values[i - 1] = int.Parse(parts[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }

            map[int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = values;
        }

        return map.ToFrozenDictionary();
    }
}
