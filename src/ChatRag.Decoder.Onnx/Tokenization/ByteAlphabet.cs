namespace ChatRag.Decoder.Onnx.Tokenization;

/// <summary>GPT-2's bytes_to_unicode table: every byte gets a printable character so BPE works on text.</summary>
internal static class ByteAlphabet
{
    public static readonly string[] ByteToChar = BuildForward();

    private static readonly Dictionary<char, byte> CharToByte = BuildReverse();

    public static byte[] ToBytes(string token)
    {
        var bytes = new byte[token.Length];
        for (var i = 0; i < token.Length; i++)
        {
            if (!CharToByte.TryGetValue(token[i], out bytes[i]))
            {
                // Not a byte-level character (should not happen in a byte-level vocabulary): keep its UTF-8 form.
                return System.Text.Encoding.UTF8.GetBytes(token);
            }
        }

        return bytes;
    }

    private static string[] BuildForward()
    {
        var result = new string[256];
        var extra = 0;
        for (var b = 0; b < 256; b++)
        {
            var printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
            result[b] = ((char)(printable ? b : 256 + extra++)).ToString();
        }

        return result;
    }

    private static Dictionary<char, byte> BuildReverse()
    {
        var map = new Dictionary<char, byte>();
        for (var b = 0; b < 256; b++)
        {
            map[ByteToChar[b][0]] = (byte)b;
        }

        return map;
    }
}
