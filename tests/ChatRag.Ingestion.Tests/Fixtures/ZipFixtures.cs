using System.Buffers.Binary;
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

    /// <summary>
    /// A docx whose document part inflates to <paramref name="megabytes"/> MiB of text while every zip header claims
    /// it is 1,000 bytes: the directory check passes, so the reading side must still be bounded.
    /// </summary>
    public static byte[] LyingBomb(int megabytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Write(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"R1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            part.Write(Encoding.UTF8.GetBytes("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"));
            var text = Encoding.UTF8.GetBytes(new string('a', 1024 * 1024));
            for (var i = 0; i < megabytes; i++)
            {
                part.Write(text);
            }

            part.Write(Encoding.UTF8.GetBytes("</w:t></w:r></w:p></w:body></w:document>"));
        }

        var bytes = stream.ToArray();
        var name = Encoding.ASCII.GetBytes("word/document.xml");
        for (var i = 0; i + 46 + name.Length < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), 1000);
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), 1000);
            }
        }

        return bytes;
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

    /// <summary>
    /// A small Word-looking package whose end-of-directory record defers to a ZIP64 record with the given fields:
    /// where that record sits (<paramref name="zip64EndOffset"/>, null for its true place), its entry count and its
    /// directory offset (null for the true ones). Malformed values near <see cref="long.MaxValue"/> used to overflow.
    /// </summary>
    public static byte[] Zip64(long? zip64EndOffset = null, long? entryCount = null, long? directoryOffset = null)
    {
        var zip = Package(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));
        var eocd = zip.Length - 22;
        var realEntries = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(eocd + 10));
        var realSize = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(eocd + 12));
        var realOffset = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(eocd + 16));
        var record = new byte[56 + 20 + 22];
        var end = record.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06064b50);
        BinaryPrimitives.WriteInt64LittleEndian(end[4..], 44);
        BinaryPrimitives.WriteInt64LittleEndian(end[24..], entryCount ?? realEntries);
        BinaryPrimitives.WriteInt64LittleEndian(end[32..], entryCount ?? realEntries);
        BinaryPrimitives.WriteInt64LittleEndian(end[40..], realSize);
        BinaryPrimitives.WriteInt64LittleEndian(end[48..], directoryOffset ?? realOffset);
        var locator = end[56..];
        BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064b50);
        BinaryPrimitives.WriteInt64LittleEndian(locator[8..], zip64EndOffset ?? eocd);
        BinaryPrimitives.WriteUInt32LittleEndian(locator[16..], 1);
        var last = end[76..];
        zip.AsSpan(eocd, 22).CopyTo(last);
        BinaryPrimitives.WriteUInt16LittleEndian(last[8..], 0xFFFF);
        BinaryPrimitives.WriteUInt16LittleEndian(last[10..], 0xFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(last[12..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(last[16..], 0xFFFFFFFF);
        return [.. zip.AsSpan(0, eocd), .. record];
    }
}
