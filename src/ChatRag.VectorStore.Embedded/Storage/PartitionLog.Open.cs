using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatRag.VectorStore.Embedded.Storage;

/// <summary>Opening and replaying a journal.</summary>
internal sealed partial class PartitionLog
{
    /// <summary>
    /// Opens a journal and replays its valid records in order. A torn or corrupt record ends the replay and the file is
    /// truncated there (<paramref name="truncatedBytes"/> says how much was cut). A bad header throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static PartitionLog Open(string path, int dimensions, bool durable, LogReplayHandler replay, out long truncatedBytes)
    {
        ArgumentNullException.ThrowIfNull(replay);
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1 << 20);
        try
        {
            var (collection, generation, headerLength) = ReadHeader(stream, dimensions);
            var log = new PartitionLog(path, stream, dimensions, collection, generation, durable);
            var validEnd = log.Replay(headerLength, replay);
            truncatedBytes = stream.Length - validEnd;
            if (truncatedBytes > 0)
            {
                stream.SetLength(validEnd);
                stream.Flush(flushToDisk: true);
            }

            return log;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static (string Collection, Guid Generation, long Length) ReadHeader(FileStream stream, int dimensions)
    {
        Span<byte> fixedPart = stackalloc byte[32];
        if (stream.ReadAtLeast(fixedPart, fixedPart.Length, throwOnEndOfStream: false) < fixedPart.Length
            || BinaryPrimitives.ReadUInt32LittleEndian(fixedPart) != Magic)
        {
            throw new InvalidDataException($"'{stream.Name}' is not a vector journal.");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(fixedPart[4..]);
        var storedDimensions = BinaryPrimitives.ReadInt32LittleEndian(fixedPart[8..]);
        var nameLength = BinaryPrimitives.ReadInt32LittleEndian(fixedPart[28..]);
        if (version != FormatVersion || nameLength is < 0 or > 4096)
        {
            throw new InvalidDataException($"'{stream.Name}' has an unsupported header (version {version}).");
        }

        var header = new byte[32 + nameLength + 4];
        fixedPart.CopyTo(header);
        if (stream.ReadAtLeast(header.AsSpan(32), nameLength + 4, throwOnEndOfStream: false) < nameLength + 4 || !IsSealed(header))
        {
            throw new InvalidDataException($"'{stream.Name}' has a corrupt header.");
        }

        if (storedDimensions != dimensions)
        {
            throw new InvalidDataException($"'{stream.Name}' holds {storedDimensions}-dimensional vectors, the space has {dimensions}.");
        }

        return (Encoding.UTF8.GetString(header, 32, nameLength), new Guid(fixedPart.Slice(12, 16)), header.Length);
    }

    /// <summary>Replays records from <paramref name="start"/>; returns the offset just past the last valid one.</summary>
    private long Replay(long start, LogReplayHandler replay)
    {
        var record = new byte[UpsertSize];
        var offset = start;
        stream.Seek(start, SeekOrigin.Begin);
        while (true)
        {
            if (stream.ReadAtLeast(record.AsSpan(0, 1), 1, throwOnEndOfStream: false) == 0)
            {
                return offset;
            }

            var size = record[0] switch
            {
                UpsertType => UpsertSize,
                DeleteType => DeleteSize,
                _ => 0,
            };
            if (size == 0 || stream.ReadAtLeast(record.AsSpan(1, size - 1), size - 1, throwOnEndOfStream: false) < size - 1)
            {
                return offset;
            }

            var span = record.AsSpan(0, size);
            if (!IsSealed(span))
            {
                return offset;
            }

            var chunkId = BinaryPrimitives.ReadInt64LittleEndian(span[1..]);
            if (record[0] == UpsertType)
            {
                var vector = MemoryMarshal.Cast<byte, float>(span.Slice(25, dimensions * sizeof(float)));
                replay(new LogEntry(false, chunkId, new Guid(span.Slice(9, 16)), vector, offset));
            }
            else
            {
                replay(new LogEntry(true, chunkId, Guid.Empty, [], offset));
            }

            Records++;
            offset += size;
        }
    }
}
