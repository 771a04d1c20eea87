using System.Buffers.Binary;
using System.Text;
using ChatRag.Ingestion.Errors;

namespace ChatRag.Ingestion.Limits;

/// <summary>
/// Reads a zip's central directory directly, before any decompression, and rejects archives whose declared
/// expansion, entry count or compression ratio would be a zip bomb. OpenXml then opens the package with a
/// per-part character cap as well, so an archive that lies about its sizes is still bounded.
/// </summary>
internal static class ZipArchiveInspector
{
    private const uint EndOfDirectorySignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint DirectoryEntrySignature = 0x02014b50;
    private const long RatioCheckThreshold = 1024 * 1024;

    /// <summary>Names of the archive's entries, after the limits have been checked.</summary>
    public static IReadOnlyList<string> Inspect(ReadOnlySpan<byte> zip, IngestionLimitsOptions limits)
    {
        try
        {
            return InspectDirectory(zip, limits);
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            // Belt and braces: a record this code did not foresee is still a damaged file, never a server error.
            throw new CorruptDocumentException(Truncated().Message, ex);
        }
    }

    private static List<string> InspectDirectory(ReadOnlySpan<byte> zip, IngestionLimitsOptions limits)
    {
        var eocd = FindEndOfDirectory(zip);
        long entryCount = BinaryPrimitives.ReadUInt16LittleEndian(zip[(eocd + 10)..]);
        long directorySize = BinaryPrimitives.ReadUInt32LittleEndian(zip[(eocd + 12)..]);
        long directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(zip[(eocd + 16)..]);
        if (entryCount == 0xFFFF || directorySize == 0xFFFFFFFF || directoryOffset == 0xFFFFFFFF)
        {
            (entryCount, directorySize, directoryOffset) = ReadZip64End(zip, eocd);
        }

        // ZIP64 fields are signed 64-bit here: a hostile record can say -1 entries or an offset near long.MaxValue,
        // so every check below is written so that it cannot overflow (no "a + b > length" on untrusted values).
        if (entryCount < 0 || directorySize < 0 || directoryOffset < 0)
        {
            throw Truncated();
        }

        if (entryCount > limits.MaxArchiveEntries)
        {
            throw new DocumentLimitExceededException(
                $"The file is an archive with {entryCount:N0} entries (the limit is {limits.MaxArchiveEntries:N0}); it is not an ordinary Office document.");
        }

        if (directoryOffset > zip.Length || directorySize > zip.Length - directoryOffset)
        {
            throw Truncated();
        }

        var names = new List<string>((int)entryCount);
        long totalUncompressed = 0;
        var position = (int)directoryOffset;
        for (var i = 0; i < entryCount; i++)
        {
            if (position + 46 > zip.Length || BinaryPrimitives.ReadUInt32LittleEndian(zip[position..]) != DirectoryEntrySignature)
            {
                throw Truncated();
            }

            var entry = zip[position..];
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(entry[8..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(entry[20..]);
            long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(entry[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[32..]);
            var total = 46 + nameLength + extraLength + commentLength;
            if (position + total > zip.Length)
            {
                throw Truncated();
            }

            if ((flags & 1) != 0)
            {
                throw new EncryptedDocumentException("The archive is password-protected; remove the password and upload it again.");
            }

            if (uncompressed == 0xFFFFFFFF || compressed == 0xFFFFFFFF)
            {
                (uncompressed, compressed) = ReadZip64Sizes(entry.Slice(46 + nameLength, extraLength), uncompressed, compressed);
            }

            if (uncompressed < 0 || compressed < 0)
            {
                throw Truncated();
            }

            totalUncompressed += uncompressed;
            if (uncompressed > limits.MaxArchiveUncompressedBytes || totalUncompressed > limits.MaxArchiveUncompressedBytes)
            {
                throw new DocumentLimitExceededException(
                    $"The document would expand to more than {limits.MaxArchiveUncompressedBytes / (1024 * 1024):N0} MiB when unpacked, which looks like a zip bomb; it was not opened.");
            }

            if (uncompressed > RatioCheckThreshold && uncompressed / limits.MaxCompressionRatio > compressed)
            {
                throw new DocumentLimitExceededException(
                    $"A part of the document is compressed more than {limits.MaxCompressionRatio}:1, which looks like a zip bomb; it was not opened.");
            }

            names.Add(Encoding.UTF8.GetString(entry.Slice(46, nameLength)));
            position += total;
        }

        return names;
    }

    private static int FindEndOfDirectory(ReadOnlySpan<byte> zip)
    {
        // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
        var lowest = Math.Max(0, zip.Length - 22 - ushort.MaxValue);
        for (var i = zip.Length - 22; i >= lowest; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip[i..]) == EndOfDirectorySignature)
            {
                return i;
            }
        }

        throw Truncated();
    }

    private static (long Entries, long Size, long Offset) ReadZip64End(ReadOnlySpan<byte> zip, int eocd)
    {
        var locator = eocd - 20;
        if (locator < 0 || BinaryPrimitives.ReadUInt32LittleEndian(zip[locator..]) != Zip64LocatorSignature)
        {
            throw Truncated();
        }

        var endOffset = BinaryPrimitives.ReadInt64LittleEndian(zip[(locator + 8)..]);
        if (endOffset < 0 || endOffset > zip.Length - 56 || BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)endOffset..]) != Zip64EndSignature)
        {
            throw Truncated();
        }

        var end = zip[(int)endOffset..];
        return (BinaryPrimitives.ReadInt64LittleEndian(end[32..]), BinaryPrimitives.ReadInt64LittleEndian(end[40..]), BinaryPrimitives.ReadInt64LittleEndian(end[48..]));
    }

    private static (long Uncompressed, long Compressed) ReadZip64Sizes(ReadOnlySpan<byte> extra, long uncompressed, long compressed)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (4 + size > extra.Length)
            {
                break;
            }

            if (id == 0x0001)
            {
                var field = extra.Slice(4, size);
                if (uncompressed == 0xFFFFFFFF && field.Length >= 8)
                {
                    uncompressed = BinaryPrimitives.ReadInt64LittleEndian(field);
                    field = field[8..];
                }

                if (compressed == 0xFFFFFFFF && field.Length >= 8)
                {
                    compressed = BinaryPrimitives.ReadInt64LittleEndian(field);
                }

                break;
            }

            extra = extra[(4 + size)..];
        }

        return (uncompressed, compressed);
    }

    private static CorruptDocumentException Truncated() =>
        new("The file is damaged or incomplete (its zip directory is missing or cut off). Upload the original file again.");
}
