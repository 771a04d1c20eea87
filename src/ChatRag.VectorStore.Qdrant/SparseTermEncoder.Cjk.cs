using System.Text;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>Segmentation of scripts written without spaces: Han, Hiragana and Katakana runs become character bigrams.</summary>
public static partial class SparseTermEncoder
{
    /// <summary>Han ideographs, Hiragana and Katakana: scripts written without spaces between words.</summary>
    public static bool IsCjk(Rune rune) => rune.Value is
        (>= 0x3040 and <= 0x30FF) // Hiragana, Katakana
        or (>= 0x31F0 and <= 0x31FF) // Katakana phonetic extensions
        or (>= 0x3400 and <= 0x4DBF) // CJK extension A
        or (>= 0x4E00 and <= 0x9FFF) // CJK unified ideographs
        or (>= 0xF900 and <= 0xFAFF) // CJK compatibility ideographs
        or (>= 0xFF66 and <= 0xFF9F) // half-width Katakana
        or (>= 0x20000 and <= 0x3134F); // CJK extensions B to G

    /// <summary>The stable dimension of a token: 32-bit FNV-1a over its UTF-8 bytes.</summary>
    public static uint Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(token))
        {
            hash = unchecked((hash ^ b) * Prime);
        }

        return hash;
    }

    // A run of one CJK character has no bigram: the character itself is the term.
    private static void EndCjkRun(Dictionary<uint, int> counts, Rune last, ref int cjkRun, ref int length)
    {
        if (cjkRun == 1)
        {
            Add(counts, HashRunes(last, null), ref length);
        }

        cjkRun = 0;
    }

    private static uint HashRunes(Rune first, Rune? second)
    {
        Span<byte> utf8 = stackalloc byte[8];
        var written = first.EncodeToUtf8(utf8);
        if (second is { } s)
        {
            written += s.EncodeToUtf8(utf8[written..]);
        }

        var hash = OffsetBasis;
        foreach (var b in utf8[..written])
        {
            hash = unchecked((hash ^ b) * Prime);
        }

        return hash;
    }
}
