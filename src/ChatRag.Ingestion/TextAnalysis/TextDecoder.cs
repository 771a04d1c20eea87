using System.Text;
using ChatRag.Ingestion.Errors;

namespace ChatRag.Ingestion.TextAnalysis;

/// <summary>Turns bytes that sniffed as text into a string: BOM-aware, strict UTF-8 otherwise, line endings normalised.</summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Decodes <paramref name="bytes"/>; invalid UTF-8 is replaced (with a warning) or rejected.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, bool replaceInvalid, ICollection<string> warnings)
    {
        string text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = DecodeUtf8(bytes[3..], replaceInvalid, warnings);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        else
        {
            text = DecodeUtf8(bytes, replaceInvalid, warnings);
        }

        // Offsets are into our own text, so one line-ending convention keeps them simple.
        return text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : text;
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, bool replaceInvalid, ICollection<string> warnings)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return StrictUtf8.GetString(bytes);
        }

        if (!replaceInvalid)
        {
            throw new InvalidTextEncodingException(
                "The file is not valid UTF-8 text. Save it as UTF-8 (for example 'Save as… > UTF-8' in your editor) and upload it again.");
        }

        warnings.Add("The file is not valid UTF-8; invalid bytes were replaced with U+FFFD. Save it as UTF-8 for exact text.");
        return LenientUtf8.GetString(bytes);
    }
}
