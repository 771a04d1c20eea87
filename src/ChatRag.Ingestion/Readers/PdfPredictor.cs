using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace ChatRag.Ingestion.Readers;

/// <summary>
/// The predictor a producer applied before Flate or LZW compression (ISO 32000-1 §7.4.4.4, Table 8), undone in place
/// on the decoded bytes: TIFF predictor 2 (each sample minus the one to its left) and the PNG filters 10 to 15 (a
/// filter type byte ahead of each row; None, Sub, Up, Average, Paeth). PdfPig keeps its own predictor internal, and
/// the bounded decoders replace its Flate and LZW filters, so they undo the predictor here.
/// </summary>
internal readonly record struct PdfPredictor(int Predictor, int Colors, int BitsPerComponent, int Columns)
{
    /// <summary>Reads the parameters of filter <paramref name="filterIndex"/> with the defaults of Table 8.</summary>
    public static PdfPredictor Read(DictionaryToken streamDictionary, int filterIndex)
    {
        var parameters = DecodeParameterResolver.GetFilterParameters(streamDictionary, filterIndex);
        return new(Int(parameters, NameToken.Predictor, 1), Int(parameters, NameToken.Colors, 1), Int(parameters, NameToken.BitsPerComponent, 8), Int(parameters, NameToken.Columns, 1));
    }

    /// <summary>The decoded rows, without the PNG filter type bytes; the data as it is when there is no (valid) predictor.</summary>
    public Memory<byte> Undo(Memory<byte> data)
    {
        // Parameters the specification rules out describe no rows; the bytes are better kept than refused.
        var valid = Colors is >= 1 and <= 32 && BitsPerComponent is 1 or 2 or 4 or 8 or 16 && Columns >= 1
            && (long)Columns * Colors * BitsPerComponent <= int.MaxValue - 7;
        if (Predictor <= 1 || !valid || data.IsEmpty)
        {
            return data;
        }

        var rowLength = (int)(((long)Columns * Colors * BitsPerComponent + 7) / 8);
        return Predictor >= 10 ? UndoPng(data, rowLength) : Predictor == 2 ? UndoTiff(data, rowLength) : data;
    }

    private Memory<byte> UndoPng(Memory<byte> data, int rowLength)
    {
        var span = data.Span;
        var pixel = Math.Max(1, (Colors * BitsPerComponent + 7) / 8);
        var written = 0;
        for (var start = 0; start < span.Length; start += rowLength + 1)
        {
            var type = span[start];
            var length = Math.Min(rowLength, span.Length - start - 1);

            // Rows move up over the type bytes as they are decoded, so the row above is the one just written.
            var row = span.Slice(written, length);
            span.Slice(start + 1, length).CopyTo(row);
            var above = written >= rowLength ? span.Slice(written - rowLength, length) : [];
            for (var i = 0; i < length; i++)
            {
                int left = i >= pixel ? row[i - pixel] : 0, up = above.IsEmpty ? 0 : above[i], corner = i >= pixel && !above.IsEmpty ? above[i - pixel] : 0;
                row[i] += type switch
                {
                    1 => (byte)left,
                    2 => (byte)up,
                    3 => (byte)((left + up) / 2),
                    4 => Paeth(left, up, corner),
                    _ => 0,
                };
            }

            written += length;
        }

        return data[..written];
    }

    private Memory<byte> UndoTiff(Memory<byte> data, int rowLength)
    {
        var span = data.Span;
        var samples = Columns * Colors;
        for (var start = 0; start + rowLength <= span.Length; start += rowLength)
        {
            var row = span.Slice(start, rowLength);
            for (var i = Colors; i < samples; i++)
            {
                Set(row, i, Get(row, i) + Get(row, i - Colors));
            }
        }

        return data;
    }

    private int Get(Span<byte> row, int sample) => BitsPerComponent switch
    {
        8 => row[sample],
        16 => (row[sample * 2] << 8) | row[(sample * 2) + 1],
        _ => (row[sample * BitsPerComponent / 8] >> (8 - BitsPerComponent - (sample * BitsPerComponent % 8))) & ((1 << BitsPerComponent) - 1),
    };

    private void Set(Span<byte> row, int sample, int value)
    {
        switch (BitsPerComponent)
        {
            case 8:
                row[sample] = (byte)value;
                break;
            case 16:
                row[sample * 2] = (byte)(value >> 8);
                row[(sample * 2) + 1] = (byte)value;
                break;
            default:
                var mask = (1 << BitsPerComponent) - 1;
                var shift = 8 - BitsPerComponent - (sample * BitsPerComponent % 8);
                ref var target = ref row[sample * BitsPerComponent / 8];
                target = (byte)((target & ~(mask << shift)) | ((value & mask) << shift));
                break;
        }
    }

    private static byte Paeth(int left, int up, int corner)
    {
        var estimate = left + up - corner;
        int toLeft = Math.Abs(estimate - left), toUp = Math.Abs(estimate - up), toCorner = Math.Abs(estimate - corner);
        return (byte)(toLeft <= toUp && toLeft <= toCorner ? left : toUp <= toCorner ? up : corner);
    }

    /// <summary>A whole-number decode parameter, or <paramref name="fallback"/> when it is absent or not a number.</summary>
    public static int Int(DictionaryToken parameters, NameToken key, int fallback) =>
        parameters.TryGet(key, out var token) && token is NumericToken number ? number.Int : fallback;
}
