using System.IO.Compression;
using System.Text;

namespace ChatRag.Ingestion.Tests.Hostile;

/// <summary>Hand-written PDFs for the decompression and per-page bombs, small on the wire.</summary>
internal static partial class HostileFixtures
{
    /// <summary>
    /// One page whose content stream is <paramref name="spaces"/> spaces compressed <paramref name="layers"/> times
    /// (<c>/Filter [/FlateDecode /FlateDecode ...]</c>): each layer multiplies the expansion.
    /// </summary>
    public static byte[] PdfChainedFlateBomb(long spaces, int layers = 2)
    {
        byte[] data;
        using (var first = new MemoryStream())
        {
            using (var zlib = new ZLibStream(first, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var block = new byte[1 << 20];
                Array.Fill(block, (byte)' ');
                for (long written = 0; written < spaces; written += block.Length)
                {
                    zlib.Write(block, 0, (int)Math.Min(block.Length, spaces - written));
                }
            }

            data = first.ToArray();
        }

        for (var i = 1; i < layers; i++)
        {
            data = Deflate(data);
        }

        return Pdf(data, "/Filter [" + string.Join(' ', Enumerable.Repeat("/FlateDecode", layers)) + "]");
    }

    /// <summary>One page whose content is an LZW stream of zeros that decodes to at least <paramref name="bytes"/>.</summary>
    public static byte[] PdfLzwBomb(long bytes) => Pdf(Readers.PdfStreams.LzwBomb(bytes), "/Filter /LZWDecode");

    /// <summary>One page showing <paramref name="glyphs"/> letters in a single text operation (compressed).</summary>
    public static byte[] PdfManyGlyphs(int glyphs) =>
        Pdf(Deflate(Encoding.ASCII.GetBytes("BT /F1 1 Tf 10 400 Td (" + new string('a', glyphs) + ") Tj ET")), "/Filter /FlateDecode");

    /// <summary>One page with <paramref name="words"/> short words on tiny lines: cheap to read, quadratic to order.</summary>
    public static byte[] PdfManyWords(int words)
    {
        var content = new StringBuilder("BT /F1 2 Tf 2 TL 5 790 Td\n");
        for (var i = 0; i < words; i++)
        {
            content.Append("(w").Append(i % 100).Append(" ) Tj ");
            if (i % 60 == 59)
            {
                content.Append("T*\n");
            }
        }

        content.Append("ET");
        return Pdf(Deflate(Encoding.ASCII.GetBytes(content.ToString())), "/Filter /FlateDecode");
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>A one-page PDF (Helvetica as /F1) whose page content stream is <paramref name="content"/> with the given filter entry.</summary>
    private static byte[] Pdf(byte[] content, string filter)
    {
        var output = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        void Object(string body)
        {
            offsets.Add(output.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Write("%PDF-1.7\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
        offsets.Add(output.Position);
        Write($"4 0 obj\n<< /Length {content.Length} {filter} >>\nstream\n");
        output.Write(content);
        Write("\nendstream\nendobj\n");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var xref = output.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }

        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }
}
