using System.Text;

namespace ChatRag.Decoder.Onnx.Tokenization;

/// <summary>Whole-sequence decoding with Hugging Face's ByteFallback rule for broken byte runs.</summary>
public sealed partial class SentencePieceBpeTokenizer
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>
    /// Decodes ids to text. As Hugging Face's <c>ByteFallback</c> decoder does, a run of consecutive byte tokens that
    /// is not valid UTF-8 becomes one U+FFFD per byte (plain UTF-8 decoding would give one per broken sequence), so
    /// the text equals the reference even when a model stops inside a character. Streaming (<see cref="IncrementalDetokenizer"/>)
    /// cannot know a run is broken until it ends and follows plain UTF-8 decoding there.
    /// </summary>
    public override string Decode(IEnumerable<int> ids, bool skipSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var text = new StringBuilder();
        var run = new List<byte>();
        var first = true;
        foreach (var id in ids)
        {
            if (skipSpecialTokens && IsSpecial(id))
            {
                continue;
            }

            var bytes = first ? FirstTokenBytes(id) : TokenBytes(id);
            first = false;
            if (IsByteToken(id))
            {
                run.AddRange(bytes.ToArray());
                continue;
            }

            FlushRun(text, run);
            text.Append(Encoding.UTF8.GetString(bytes));
        }

        FlushRun(text, run);
        return text.ToString();
    }

    private static void FlushRun(StringBuilder text, List<byte> run)
    {
        if (run.Count == 0)
        {
            return;
        }

        try
        {
            text.Append(StrictUtf8.GetString(run.ToArray()));
        }
        catch (DecoderFallbackException)
        {
            text.Append('\uFFFD', run.Count);
        }

        run.Clear();
    }

    private bool IsByteToken(int id) => settings.DecodeByteTokens && (uint)id < (uint)isByteToken.Length && isByteToken[id];
}
