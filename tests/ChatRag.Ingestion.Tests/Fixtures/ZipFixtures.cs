using System.IO.Compression;
using System.Text;

namespace ChatRag.Ingestion.Tests.Fixtures;

/// <summary>Hand-made zip packages for the archive checks.</summary>
internal static class ZipFixtures
{
    /// <summary>An OOXML-looking package whose document part is <paramref name="zeroBytes"/> of zeros (a classic bomb).</summary>
    public static byte[] Bomb(int zeroBytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", "<Types/>");
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < zeroBytes; written += zeros.Length)
            {
                part.Write(zeros, 0, Math.Min(zeros.Length, zeroBytes - written));
            }
        }

        return stream.ToArray();
    }

    /// <summary>A package with the given entries (name, content).</summary>
    public static byte[] Package(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                Write(zip, name, content);
            }
        }

        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(content));
    }
}
