using System.Text;

namespace ChatRag.Decoder.Onnx.Tokenization;

/// <summary>
/// Turns a stream of token ids into text deltas, never emitting half a UTF-8 character: bytes of a character
/// split across tokens wait in the decoder until the character is complete. Special tokens are skipped.
/// </summary>
public sealed class IncrementalDetokenizer
{
    private readonly ByteLevelBpeTokenizer _tokenizer;
    private readonly System.Text.Decoder _utf8 = new UTF8Encoding(false, false).GetDecoder();
    private readonly char[] _chars = new char[64];

    /// <summary>Creates a detokenizer for one generation.</summary>
    public IncrementalDetokenizer(ByteLevelBpeTokenizer tokenizer) => _tokenizer = tokenizer;

    /// <summary>Adds a token and returns the text that became complete (possibly empty).</summary>
    public string Push(int tokenId)
    {
        if (_tokenizer.IsSpecial(tokenId))
        {
            return string.Empty;
        }

        var bytes = _tokenizer.TokenBytes(tokenId);
        var result = new StringBuilder();
        while (bytes.Length > 0)
        {
            var take = Math.Min(bytes.Length, 32);
            var count = _utf8.GetChars(bytes[..take], _chars, flush: false);
            result.Append(_chars, 0, count);
            bytes = bytes[take..];
        }

        return result.ToString();
    }

    /// <summary>Flushes an incomplete trailing sequence (as U+FFFD) at the end of generation.</summary>
    public string Flush()
    {
        var count = _utf8.GetChars([], _chars, flush: true);
        return new string(_chars, 0, count);
    }
}
