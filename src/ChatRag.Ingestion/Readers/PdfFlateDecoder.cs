using System.IO.Compression;

namespace ChatRag.Ingestion.Readers;

/// <summary>
/// <c>/FlateDecode</c> in one pass under the budget: inflated straight into the output, which stops growing at the
/// budget, then the predictor is undone in place. It replaces PdfPig's filter rather than checking ahead of it, so a
/// stream is inflated once.
/// </summary>
internal static class PdfFlateDecoder
{
    public static Memory<byte> Decode(Memory<byte> input, PdfPredictor predictor, int maxBytes, Func<Exception> tooLarge)
    {
        // PdfPig skips the two-byte zlib header and inflates the rest; so does this.
        if (input.Length < 2)
        {
            return input;
        }

        var output = PdfOutputBuffer.ForInput(input.Length, maxBytes, tooLarge);
        using var source = new ReadOnlyMemoryStream(input[2..]);
        using var inflater = new DeflateStream(source, CompressionMode.Decompress);
        try
        {
            while (true)
            {
                var room = output.Free();
                if (room.IsEmpty)
                {
                    // At the budget: one more byte means the stream is larger than allowed.
                    Span<byte> probe = stackalloc byte[1];
                    if (inflater.Read(probe) > 0)
                    {
                        throw tooLarge();
                    }

                    break;
                }

                var read = inflater.Read(room);
                if (read == 0)
                {
                    break;
                }

                output.Length += read;
            }
        }
        catch (InvalidDataException)
        {
            // Damaged from here on. What was inflated before the damage stands (as PDFBox keeps it); a stream that
            // inflates to nothing at all comes back as it was, as PdfPig's own filter hands it back.
            if (output.Length == 0)
            {
                return input;
            }
        }

        return predictor.Undo(output.ToMemory());
    }
}
