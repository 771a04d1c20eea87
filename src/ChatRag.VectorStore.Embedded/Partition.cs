using ChatRag.VectorStore.Embedded.Ann;
using ChatRag.VectorStore.Embedded.Diagnostics;
using ChatRag.VectorStore.Embedded.Storage;
using Microsoft.Extensions.Logging;

namespace ChatRag.VectorStore.Embedded;

/// <summary>
/// The vectors of one (space, collection) pair: contiguous float32 rows with their chunk and document ids, the journal
/// that persists them, and (once large) an HNSW graph. Because a collection never shares a partition, collection
/// filtering happens by construction. Not thread-safe: <see cref="VectorSpaceStore"/> serialises writers against readers.
/// </summary>
internal sealed partial class Partition : IDisposable
{
    private readonly int dimensions;
    private readonly EmbeddedVectorIndexOptions options;
    private readonly ILogger logger;
    private readonly Dictionary<long, int> slotOf = [];
    private PartitionLog log = null!;
    private float[] vectors;
    private long[] chunkIds;
    private Guid[] documentIds;
    private bool[] live;
    private int slots;

    private Partition(string path, int dimensions, EmbeddedVectorIndexOptions options, ILogger logger)
    {
        this.dimensions = dimensions;
        this.options = options;
        this.logger = logger;
        vectors = new float[16 * dimensions];
        chunkIds = new long[16];
        documentIds = new Guid[16];
        live = new bool[16];
        AnnPath = path + ".hnsw";
    }

    /// <summary>The ChatRag collection held here.</summary>
    public string Collection => log.Collection;

    /// <summary>Live vectors.</summary>
    public int Count => slotOf.Count;

    /// <summary>Journal file path.</summary>
    public string LogPath => log.Path;

    /// <summary>Creates an empty partition file.</summary>
    public static Partition Create(string path, int dimensions, string collection, EmbeddedVectorIndexOptions options, ILogger logger)
    {
        var partition = new Partition(path, dimensions, options, logger);
        partition.log = PartitionLog.Create(path, dimensions, collection, options.DurableWrites);
        return partition;
    }

    /// <summary>Opens a partition file: replays the journal (cutting a torn tail), then loads, catches up or rebuilds the graph.</summary>
    public static Partition Open(string path, int dimensions, EmbeddedVectorIndexOptions options, ILogger logger)
    {
        var saved = AnnMeta.TryRead(path + ".hnsw.meta");
        var touchedSinceSave = new HashSet<long>();
        var partition = new Partition(path, dimensions, options, logger);
        partition.log = PartitionLog.Open(path, dimensions, options.DurableWrites, Replay, out var truncated);
        if (truncated > 0)
        {
            EmbeddedVectorIndexTelemetry.TruncatedBytes.Add(truncated);
            logger.LogWarning("Vector journal {Path} ended in a torn or corrupt record; cut {Bytes} bytes and kept {Count} vectors.", path, truncated, partition.Count);
        }

        partition.OpenAnn(saved, touchedSinceSave);
        return partition;

        void Replay(in LogEntry entry)
        {
            if (saved is not null && entry.Offset >= saved.LogLength)
            {
                touchedSinceSave.Add(entry.ChunkId);
            }

            if (entry.IsDelete)
            {
                partition.ApplyDelete(entry.ChunkId);
            }
            else
            {
                partition.ApplyUpsert(entry.ChunkId, entry.DocumentId, entry.Vector);
            }
        }
    }

    /// <summary>Whether the chunk is stored here.</summary>
    public bool Contains(long chunkId) => slotOf.ContainsKey(chunkId);

    /// <summary>Chunk ids of every live vector.</summary>
    public IEnumerable<long> LiveChunkIds() => slotOf.Keys;

    /// <summary>Journals an upsert (not yet written: see <see cref="Commit"/>).</summary>
    public void StageUpsert(long chunkId, Guid documentId, ReadOnlySpan<float> vector) => log.AppendUpsert(chunkId, documentId, vector);

    /// <summary>Journals a delete (not yet written: see <see cref="Commit"/>).</summary>
    public void StageDelete(long chunkId) => log.AppendDelete(chunkId);

    /// <summary>Writes the staged records.</summary>
    public void Commit() => log.Commit();

    /// <summary>Drops staged records after a failure.</summary>
    public void Discard() => log.Discard();

    /// <summary>Chunk ids of a document's live vectors.</summary>
    public List<long> ChunksOf(Guid documentId)
    {
        var found = new List<long>();
        for (var slot = 0; slot < slots; slot++)
        {
            if (live[slot] && documentIds[slot] == documentId)
            {
                found.Add(chunkIds[slot]);
            }
        }

        return found;
    }

    /// <summary>Inserts or overwrites a vector in memory (and in the graph when there is one).</summary>
    public void ApplyUpsert(long chunkId, Guid documentId, ReadOnlySpan<float> vector)
    {
        if (!slotOf.TryGetValue(chunkId, out var slot))
        {
            slot = slots++;
            EnsureCapacity(slots);
            slotOf[chunkId] = slot;
            chunkIds[slot] = chunkId;
            live[slot] = true;
        }

        documentIds[slot] = documentId;
        vector.CopyTo(vectors.AsSpan(slot * dimensions, dimensions));
        AnnUpsert(chunkId, vector);
    }

    /// <summary>Removes a vector in memory (a tombstone until compaction).</summary>
    public void ApplyDelete(long chunkId)
    {
        if (slotOf.Remove(chunkId, out var slot))
        {
            live[slot] = false;
            AnnRemove(chunkId);
        }
    }

    /// <summary>After a write: compacts the journal when mostly obsolete, and builds or drops the graph by size.</summary>
    public void Maintain()
    {
        FlushAnn();
        var obsolete = log.Records - Count;
        if (obsolete >= options.CompactionMinRecords && obsolete > options.CompactionRatio * log.Records)
        {
            Compact();
        }

        MaintainAnn();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        SaveAnnIfDirty();
        ann?.Dispose();
        log.Dispose();
    }

    private void Compact()
    {
        log.Compact(slots, chunkIds, documentIds, live, vectors);
        var next = 0;
        for (var slot = 0; slot < slots; slot++)
        {
            if (!live[slot])
            {
                continue;
            }

            if (next != slot)
            {
                vectors.AsSpan(slot * dimensions, dimensions).CopyTo(vectors.AsSpan(next * dimensions, dimensions));
                chunkIds[next] = chunkIds[slot];
                documentIds[next] = documentIds[slot];
                live[next] = true;
                slotOf[chunkIds[next]] = next;
            }

            next++;
        }

        Array.Clear(live, next, slots - next);
        slots = next;
        logger.LogInformation("Compacted vector journal {Path} to {Count} vectors.", log.Path, Count);
        AfterCompaction();
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= chunkIds.Length)
        {
            return;
        }

        var capacity = Math.Max(needed, chunkIds.Length * 2);
        Array.Resize(ref vectors, capacity * dimensions);
        Array.Resize(ref chunkIds, capacity);
        Array.Resize(ref documentIds, capacity);
        Array.Resize(ref live, capacity);
    }
}
