namespace ChatRag.Ingestion.Readers;

/// <summary>
/// <c>/LZWDecode</c> (ISO 32000-1 §7.4.4) under the budget: each code's sequence is checked against the budget before
/// it is written, so a small stream of long codes (LZW reaches about 1,400 to one) is refused before its output is
/// allocated. PdfPig's own filter decodes the whole stream first, and only its result could be checked.
/// </summary>
internal static class PdfLzwDecoder
{
    private const int ClearTable = 256;
    private const int EndOfData = 257;
    private const int FirstFreeCode = 258;
    private const int MaxCodes = 4096;

    public static Memory<byte> Decode(ReadOnlySpan<byte> input, bool earlyChange, PdfPredictor predictor, int maxBytes, Func<Exception> tooLarge)
    {
        // The table holds each code's last byte, the code it extends and its length; a sequence is written back to front.
        var prefixes = new short[MaxCodes];
        var suffixes = new byte[MaxCodes];
        var lengths = new int[MaxCodes];
        for (var i = 0; i < 256; i++)
        {
            (prefixes[i], suffixes[i], lengths[i]) = (-1, (byte)i, 1);
        }

        var output = PdfOutputBuffer.ForInput(input.Length, maxBytes, tooLarge);
        var early = earlyChange ? 1 : 0;
        int next = FirstFreeCode, width = 9, previous = -1;
        long bitPosition = 0;
        while (TryRead(input, ref bitPosition, width, out var code) && code != EndOfData)
        {
            if (code == ClearTable)
            {
                (next, width, previous) = (FirstFreeCode, 9, -1);
                continue;
            }

            // A code not in the table is only valid as the one about to be added (the previous sequence and its own
            // first byte); anything else is damage, and what was decoded before it stands.
            var known = code < next;
            if (!known && (code != next || previous < 0))
            {
                break;
            }

            var start = output.Length;
            var length = known ? lengths[code] : lengths[previous] + 1;
            output.Reserve(length);
            var data = output.Data;
            WriteSequence(known ? code : previous, data, start, prefixes, suffixes, lengths);
            if (!known)
            {
                data[start + length - 1] = data[start];
            }

            output.Length += length;
            if (previous >= 0 && next < MaxCodes)
            {
                (prefixes[next], suffixes[next], lengths[next]) = ((short)previous, data[start], lengths[previous] + 1);
                next++;
                if (next + early >= 1 << width && width < 12)
                {
                    width++;
                }
            }

            previous = code;
        }

        return predictor.Undo(output.ToMemory());
    }

    private static void WriteSequence(int code, byte[] data, int start, short[] prefixes, byte[] suffixes, int[] lengths)
    {
        for (var at = start + lengths[code] - 1; code >= 0; at--)
        {
            data[at] = suffixes[code];
            code = prefixes[code];
        }
    }

    /// <summary>Reads the next code, most significant bit first; false at the end of the data.</summary>
    private static bool TryRead(ReadOnlySpan<byte> input, ref long bitPosition, int width, out int code)
    {
        code = 0;
        if (bitPosition + width > input.Length * 8L)
        {
            return false;
        }

        for (var i = 0; i < width; i++, bitPosition++)
        {
            code = (code << 1) | ((input[(int)(bitPosition >> 3)] >> (7 - (int)(bitPosition & 7))) & 1);
        }

        return true;
    }
}
