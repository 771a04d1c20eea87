using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatRag.VectorStore.Embedded.Storage;

/// <summary>Receives each valid record while a journal is replayed.</summary>
internal delegate void LogReplayHandler(in LogEntry entry);

/// <summary>
/// The durable form of one partition: an append-only journal of upserts and deletes, each record checksummed (CRC-32C),
/// so a torn or corrupt tail is detected on open and cut off instead of being read back as vectors.
/// Compaction rewrites the live records into a new file (new generation) and swaps it in atomically.
/// Layout: header [magic u32][version i32][dims i32][generation 16B][name length i32][name UTF-8][crc u32], then
/// records [type u8][chunk id i64]([document id 16B][dims x f32] for upserts)[crc u32].
/// </summary>
internal sealed partial class PartitionLog : IDisposable
{
    private const uint Magic = 0x4C56_5243; // "CRVL"
    private const int FormatVersion = 1;
    private const byte UpsertType = 1;
    private const byte DeleteType = 2;

    private readonly bool durable;
    private readonly int dimensions;
    private readonly MemoryStream pending = new();
    private FileStream stream;
    private Exception? broken;
    private long brokenAt;

    private PartitionLog(string path, FileStream stream, int dimensions, string collection, Guid generation, bool durable)
    {
        Path = path;
        this.stream = stream;
        this.dimensions = dimensions;
        Collection = collection;
        Generation = generation;
        this.durable = durable;
    }

    /// <summary>File path of the journal.</summary>
    public string Path { get; }

    /// <summary>The ChatRag collection stored in this partition.</summary>
    public string Collection { get; }

    /// <summary>Changes whenever the file is rewritten, so side files (the HNSW graph) can tell which file they belong to.</summary>
    public Guid Generation { get; private set; }

    /// <summary>Committed bytes.</summary>
    public long Length => broken is null ? stream.Length : brokenAt;

    /// <summary>Records in the file, obsolete ones included (drives compaction).</summary>
    public long Records { get; private set; }

    /// <summary>Test seam: wraps the file stream that appends go through (to inject a failure part-way through a write).</summary>
    internal Func<Stream, Stream>? AppendThrough { get; set; }

    private int UpsertSize => 1 + 8 + 16 + (dimensions * sizeof(float)) + 4;

    private static int DeleteSize => 1 + 8 + 4;

    /// <summary>Creates a new, empty journal (overwriting any file at <paramref name="path"/>).</summary>
    public static PartitionLog Create(string path, int dimensions, string collection, bool durable)
    {
        var generation = Guid.NewGuid();
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        stream.Write(Header(dimensions, collection, generation));
        stream.Flush(durable);
        return new PartitionLog(path, stream, dimensions, collection, generation, durable);
    }

    /// <summary>Queues an upsert; written by <see cref="Commit"/>.</summary>
    public void AppendUpsert(long chunkId, Guid documentId, ReadOnlySpan<float> vector)
    {
        var record = new byte[UpsertSize];
        record[0] = UpsertType;
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(1), chunkId);
        documentId.TryWriteBytes(record.AsSpan(9));
        MemoryMarshal.AsBytes(vector).CopyTo(record.AsSpan(25));
        Seal(record);
        pending.Write(record);
        Records++;
    }

    /// <summary>Queues a delete (tombstone); written by <see cref="Commit"/>.</summary>
    public void AppendDelete(long chunkId)
    {
        Span<byte> record = stackalloc byte[DeleteSize];
        record[0] = DeleteType;
        BinaryPrimitives.WriteInt64LittleEndian(record[1..], chunkId);
        Seal(record);
        pending.Write(record);
        Records++;
    }

    /// <summary>
    /// Writes the queued records in one append and flushes them (to the disk when durable). A failed append (disk full)
    /// is rolled back to the last committed byte and its records stay queued for the next commit, so a torn record never
    /// sits in front of later appends (replay would cut them off with it). If even the roll-back fails, every later
    /// commit throws until the journal is reopened, whose replay then cuts the torn tail with nothing behind it.
    /// </summary>
    /// <exception cref="IOException">The append failed (rolled back), or the journal is unusable until reopened.</exception>
    public void Commit()
    {
        if (broken is not null)
        {
            throw new IOException($"The vector journal '{Path}' could not be repaired after a failed write; reopen the index to recover it.", broken);
        }

        if (pending.Length == 0)
        {
            return;
        }

        var committed = stream.Length;
        try
        {
            stream.Seek(0, SeekOrigin.End);
            (AppendThrough?.Invoke(stream) ?? stream).Write(pending.GetBuffer().AsSpan(0, (int)pending.Length));
            stream.Flush(durable);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RollBack(committed, e);
            throw;
        }

        pending.SetLength(0);
    }

    /// <summary>Drops queued records after a failed batch.</summary>
    public void Discard() => pending.SetLength(0);

    /// <summary>
    /// Rewrites the journal with only the live slots, under a new generation: written to a temporary file, flushed,
    /// then renamed over the old one, so a crash leaves either the old or the new file, never a mix.
    /// </summary>
    public void Compact(int slots, long[] chunkIds, Guid[] documentIds, bool[] live, float[] vectors)
    {
        var temporary = Path + ".compact";
        var generation = Guid.NewGuid();
        long records = 0;
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            output.Write(Header(dimensions, Collection, generation));
            var record = new byte[UpsertSize];
            for (var slot = 0; slot < slots; slot++)
            {
                if (!live[slot])
                {
                    continue;
                }

                record[0] = UpsertType;
                BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(1), chunkIds[slot]);
                documentIds[slot].TryWriteBytes(record.AsSpan(9));
                MemoryMarshal.AsBytes(vectors.AsSpan(slot * dimensions, dimensions)).CopyTo(record.AsSpan(25));
                Seal(record);
                output.Write(record);
                records++;
            }

            output.Flush(flushToDisk: true);
        }

        stream.Dispose();
        File.Move(temporary, Path, overwrite: true);
        stream = new FileStream(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        Generation = generation;
        Records = records;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        stream.Dispose();
        pending.Dispose();
    }

    private static byte[] Header(int dimensions, string collection, Guid generation)
    {
        var name = Encoding.UTF8.GetBytes(collection);
        var header = new byte[4 + 4 + 4 + 16 + 4 + name.Length + 4];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), dimensions);
        generation.TryWriteBytes(header.AsSpan(12));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), name.Length);
        name.CopyTo(header.AsSpan(32));
        Seal(header);
        return header;
    }

    /// <summary>Writes the CRC of everything before the last four bytes into them.</summary>
    private static void Seal(Span<byte> record) =>
        BinaryPrimitives.WriteUInt32LittleEndian(record[^4..], Crc32C.Compute(record[..^4]));

    private static bool IsSealed(ReadOnlySpan<byte> record) =>
        BinaryPrimitives.ReadUInt32LittleEndian(record[^4..]) == Crc32C.Compute(record[..^4]);
}
