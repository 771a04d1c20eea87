using System.Text;

namespace ChatRag.Decoder.Onnx.Tokenization;

/// <summary>
/// Turns a stream of token ids into text deltas, never emitting half a UTF-8 character: bytes of a character
/// split across tokens (byte-level pieces or <c>&lt;0xNN&gt;</c> byte-fallback tokens) wait in the decoder until the
/// character is complete. Special tokens are skipped. The concatenated deltas equal
/// <see cref="BpeTokenizer.Decode"/> of the same ids, including the leading space a SentencePiece decoder strips.
/// </summary>
public sealed class IncrementalDetokenizer
{
    private readonly BpeTokenizer tokenizer;
    private readonly System.Text.Decoder utf8 = new UTF8Encoding(false, false).GetDecoder();
    private readonly char[] chars = new char[64];
    private bool first = true;

    /// <summary>Creates a detokenizer for one generation.</summary>
    public IncrementalDetokenizer(BpeTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        this.tokenizer = tokenizer;
    }

    /// <summary>Adds a token and returns the text that became complete (possibly empty).</summary>
    public string Push(int tokenId)
    {
        if (tokenizer.IsSpecial(tokenId))
        {
            return string.Empty;
        }

        var bytes = first ? tokenizer.FirstTokenBytes(tokenId) : tokenizer.TokenBytes(tokenId);
        first = false;
        var result = new StringBuilder();
        while (bytes.Length > 0)
        {
            var take = Math.Min(bytes.Length, 32);
            var count = utf8.GetChars(bytes[..take], chars, flush: false);
            result.Append(chars, 0, count);
            bytes = bytes[take..];
        }

        return result.ToString();
    }

    /// <summary>Flushes an incomplete trailing sequence (as U+FFFD) at the end of generation.</summary>
    public string Flush()
    {
        var count = utf8.GetChars([], chars, flush: true);
        return new string(chars, 0, count);
    }
}
