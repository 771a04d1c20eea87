using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ChatRag.Ingestion.Tests.Ocr;

/// <summary>
/// Scans made on the fly, no fixture files: text PDFs from PdfPig's builder are rendered by pdftoppm and the
/// pictures put back into image-only PDFs, PNGs or a multi-frame TIFF written here.
/// </summary>
internal static class ScanFixtures
{
    /// <summary>Small pages keep OCR quick: 5 x 3.5 inches.</summary>
    private const double Width = 360, Height = 252;

    /// <summary>
    /// A text PDF, one page per entry, each page the given lines in 12 pt Helvetica, or in the system's DejaVu Sans
    /// (installed with Poppler's fontconfig) for accented text, which the standard fonts' encoding lacks.
    /// </summary>
    public static byte[] TextPdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var accented = pages.SelectMany(p => p).Any(l => l.Any(c => c > 0x7F));
        var font = accented
            ? builder.AddTrueTypeFont(File.ReadAllBytes(DejaVuSans))
            : builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(Width, Height);
            var y = Height - 40;
            foreach (var line in lines)
            {
                page.AddText(line, 12, new PdfPoint(24, y), font);
                y -= 18;
            }
        }

        return builder.Build();
    }

    private static readonly string[] AccentFonts =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    ];

    /// <summary>A TrueType font with accented Latin letters (one of those fontconfig depends on).</summary>
    private static string DejaVuSans => AccentFonts.FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException("No TrueType font with accents found; install fonts-dejavu-core.");

    /// <summary>A PDF whose pages are only pictures: each page of <paramref name="source"/> rendered at <paramref name="dpi"/>.</summary>
    public static byte[] ImageOnlyPdf(byte[] source, int pageCount, int dpi = 300, ISet<int>? keepAsText = null, double width = Width, double height = Height)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var n = 1; n <= pageCount; n++)
        {
            var page = builder.AddPage(width, height);
            if (keepAsText?.Contains(n) == true)
            {
                // A text page copied as text, for mixed documents.
                using var copy = UglyToad.PdfPig.PdfDocument.Open(source);
                var y = Height - 40;
                foreach (var line in copy.GetPage(n).GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom)).OrderByDescending(g => g.Key))
                {
                    page.AddText(string.Join(' ', line.Select(w => w.Text)), 12, new PdfPoint(24, y), font);
                    y -= 18;
                }

                continue;
            }

            page.AddJpeg(Render(source, n, dpi, "jpeg"), new PdfRectangle(0, 0, width, height));
        }

        return builder.Build();
    }

    /// <summary>One page of a PDF as an image file's bytes ("png", "jpeg" or "pgm" for raw grey pixels).</summary>
    public static byte[] Render(byte[] pdf, int page, int dpi, string format)
    {
        var dir = Directory.CreateTempSubdirectory("chatrag-scan-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
            var args = new List<string> { "-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", $"{page}", "-l", $"{page}", "-singlefile", "-gray" };
            args.AddRange(format == "pgm" ? [] : ["-" + format]);
            args.AddRange([input, Path.Combine(dir.FullName, "out")]);
            args.ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start)!;
            process.WaitForExit(60_000);
            var output = Directory.GetFiles(dir.FullName, "out.*").Single();
            return File.ReadAllBytes(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A baseline TIFF with one uncompressed 8-bit grey frame per PGM given: little-endian header, then per frame
    /// its pixels and an IFD linking to the next.
    /// </summary>
    public static byte[] MultiFrameTiff(params byte[][] pgms)
    {
        using var tiff = new MemoryStream();
        tiff.Write("II*\0"u8);
        var nextPointerAt = 4L;
        WriteU32(tiff, 0);
        foreach (var pgm in pgms)
        {
            var (width, height, pixels) = ParsePgm(pgm);
            var stripAt = tiff.Position;
            tiff.Write(pixels);
            if (tiff.Position % 2 == 1)
            {
                tiff.WriteByte(0);
            }

            var ifdAt = tiff.Position;
            Patch(tiff, nextPointerAt, (uint)ifdAt);
            (ushort Tag, ushort Type, uint Value)[] entries =
            [
                (256, 4, (uint)width), (257, 4, (uint)height), (258, 3, 8), (259, 3, 1), (262, 3, 1),
                (273, 4, (uint)stripAt), (277, 3, 1), (278, 4, (uint)height), (279, 4, (uint)pixels.Length),
            ];
            WriteU16(tiff, (ushort)entries.Length);
            foreach (var (tag, type, value) in entries)
            {
                WriteU16(tiff, tag);
                WriteU16(tiff, type);
                WriteU32(tiff, 1);
                WriteU32(tiff, value);
            }

            nextPointerAt = tiff.Position;
            WriteU32(tiff, 0);
        }

        return tiff.ToArray();
    }

    /// <summary>A PNG that declares a size in its header and holds no real picture: a decompression-bomb stand-in.</summary>
    public static byte[] PngHeaderOnly(uint width, uint height)
    {
        var png = new byte[33];
        ((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]).CopyTo(png);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(8), 13);
        "IHDR"u8.CopyTo(png.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), height);
        png[24] = 8;
        return png;
    }

    private static (int Width, int Height, byte[] Pixels) ParsePgm(byte[] pgm)
    {
        // "P5\n<width> <height>\n<max>\n" then one byte per pixel.
        var header = Encoding.ASCII.GetString(pgm, 0, Math.Min(64, pgm.Length)).Split((char[])[' ', '\n'], 5, StringSplitOptions.RemoveEmptyEntries);
        var width = int.Parse(header[1], CultureInfo.InvariantCulture);
        var height = int.Parse(header[2], CultureInfo.InvariantCulture);
        var size = width * height;
        return (width, height, pgm[^size..]);
    }

    private static void WriteU16(Stream s, ushort v)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        s.Write(b);
    }

    private static void WriteU32(Stream s, uint v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        s.Write(b);
    }

    private static void Patch(MemoryStream s, long at, uint value)
    {
        var here = s.Position;
        s.Position = at;
        WriteU32(s, value);
        s.Position = here;
    }

    /// <summary>Character error rate: edit distance over the reference length, whitespace runs counted as one space.</summary>
    public static double CharacterErrorRate(string reference, string actual)
    {
        static string Norm(string s) => string.Join(' ', s.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var a = Norm(reference);
        var b = Norm(actual);
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return (double)previous[b.Length] / Math.Max(1, a.Length);
    }
}
