using System.Buffers.Binary;
using ChatRag.Ingestion.Model;

namespace ChatRag.Ingestion.Detection;

/// <summary>
/// Pixel dimensions of every frame of a PNG, JPEG, TIFF or WebP, read from the header bytes alone, so that a
/// decompression bomb (a tiny file declaring 50,000 x 50,000 pixels) is refused before anything decodes it.
/// </summary>
public static class ImageHeader
{
    /// <summary>The image format of <paramref name="content"/> by its magic bytes, or null.</summary>
    public static DocumentKind? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return DocumentKind.Png;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return DocumentKind.Jpeg;
        }

        if (content.StartsWith("II*\0"u8) || content.StartsWith("MM\0*"u8))
        {
            return DocumentKind.Tiff;
        }

        return content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8) ? DocumentKind.WebP : null;
    }

    /// <summary>Width and height of each frame, up to <paramref name="maxFrames"/> + 1 frames.</summary>
    /// <exception cref="InvalidDataException">The header is damaged or declares no size.</exception>
    public static IReadOnlyList<(long Width, long Height)> Frames(ReadOnlySpan<byte> content, DocumentKind kind, int maxFrames) => kind switch
    {
        DocumentKind.Png => [Png(content)],
        DocumentKind.Jpeg => [Jpeg(content)],
        DocumentKind.Tiff => Tiff(content, maxFrames),
        DocumentKind.WebP => [WebP(content)],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an image format."),
    };

    private static (long, long) Png(ReadOnlySpan<byte> c)
    {
        Need(c, 24, c[12..16].SequenceEqual("IHDR"u8));
        return (BinaryPrimitives.ReadUInt32BigEndian(c[16..]), BinaryPrimitives.ReadUInt32BigEndian(c[20..]));
    }

    private static (long, long) Jpeg(ReadOnlySpan<byte> c)
    {
        var at = 2;
        while (at + 4 <= c.Length)
        {
            if (c[at] != 0xFF)
            {
                break;
            }

            var marker = c[at + 1];
            if (marker == 0xFF || marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                at += marker == 0xFF ? 1 : 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(c[(at + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                Need(c, at + 9, length >= 7);
                return (BinaryPrimitives.ReadUInt16BigEndian(c[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(c[(at + 5)..]));
            }

            at += 2 + length;
        }

        throw new InvalidDataException("The JPEG has no frame header; it is damaged or incomplete.");
    }

    private static List<(long, long)> Tiff(ReadOnlySpan<byte> c, int maxFrames)
    {
        var little = c[0] == (byte)'I';
        uint U32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        Need(c, 8, true);
        var frames = new List<(long, long)>();
        var seen = new HashSet<uint>();
        for (var ifd = U32(c[4..]); ifd != 0 && frames.Count <= maxFrames; ifd = U32(c[((int)ifd + 2 + (12 * U16(c[(int)ifd..])))..]))
        {
            // A directory chain that loops or points outside the file is damage, not an endless document.
            Need(c, (int)Math.Min(ifd + 2L, int.MaxValue), seen.Add(ifd) && ifd < c.Length);
            var count = U16(c[(int)ifd..]);
            Need(c, (int)Math.Min(ifd + 6L + (12L * count), int.MaxValue), true);
            long width = 0, height = 0;
            for (var e = 0; e < count; e++)
            {
                var entry = c[((int)ifd + 2 + (12 * e))..];
                var tag = U16(entry);
                var value = U16(entry[2..]) == 3 ? U16(entry[8..]) : U32(entry[8..]);
                width = tag == 256 ? value : width;
                height = tag == 257 ? value : height;
            }

            Need(c, 0, width > 0 && height > 0);
            frames.Add((width, height));
        }

        Need(c, 0, frames.Count > 0);
        return frames;
    }

    private static (long, long) WebP(ReadOnlySpan<byte> c)
    {
        Need(c, 30, true);
        var chunk = c[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            return (1 + (c[24] | (c[25] << 8) | (c[26] << 16)), 1 + (c[27] | (c[28] << 8) | (c[29] << 16)));
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(c[21..]);
            return (1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
        }

        Need(c, 30, chunk.SequenceEqual("VP8 "u8));
        return (BinaryPrimitives.ReadUInt16LittleEndian(c[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(c[28..]) & 0x3FFF);
    }

    private static void Need(ReadOnlySpan<byte> content, int length, bool condition)
    {
        if (!condition || content.Length < length)
        {
            throw new InvalidDataException("The image header is damaged or incomplete.");
        }
    }
}
