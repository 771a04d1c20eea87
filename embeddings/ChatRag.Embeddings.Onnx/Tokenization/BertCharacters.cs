using System.Globalization;
using System.Text;

namespace ChatRag.Embeddings.Onnx.Tokenization;

/// <summary>Character classes exactly as BERT's BasicTokenizer defines them (tokenization.py, _is_*).</summary>
internal static class BertCharacters
{
    /// <summary>
    /// Tab, newline and carriage return count as whitespace; Cc, Cf, Co and Cs are dropped. Unassigned code points (Cn)
    /// are kept, as Hugging Face's Rust normaliser (the one sentence-transformers runs) keeps them.
    /// </summary>
    public static bool IsControl(Rune rune)
    {
        if (rune.Value is '\t' or '\n' or '\r')
        {
            return false;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse;
    }

    /// <summary>Space separators, plus line/paragraph separators that Python's str.split also splits on.</summary>
    public static bool IsWhitespace(Rune rune) =>
        rune.Value is ' ' or '\t' or '\n' or '\r'
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>All non-alphanumeric ASCII counts (so "$" and "^" split too), plus every Unicode P* category.</summary>
    public static bool IsPunctuation(Rune rune)
    {
        var cp = rune.Value;
        if (cp is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126))
        {
            return true;
        }

        return cp >= 128 && Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    /// <summary>The CJK Unified Ideograph blocks BERT splits into single characters (not kana or hangul).</summary>
    public static bool IsCjkIdeograph(int cp) =>
        cp is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF) or (>= 0x2A700 and <= 0x2B73F)
            or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);
}
