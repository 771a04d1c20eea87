using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatRag.Core.Indexing;
using ChatRag.VectorStore.Embedded.Search;
using Microsoft.Extensions.Logging;

namespace ChatRag.VectorStore.Embedded;

/// <summary>
/// One vector space on disk (<c>vectors/&lt;space&gt;/</c>): a <c>space.json</c> with its dimensions and one journal per
/// collection. A reader-writer lock lets searches run together while writes are exclusive.
/// </summary>
internal sealed class VectorSpaceStore : IDisposable
{
    private const string DescriptorFile = "space.json";
    private const string PartitionExtension = ".vlog";

    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, Partition> partitions = new(StringComparer.Ordinal);
    private readonly Dictionary<long, Partition> owners = [];
    private readonly string directory;
    private readonly EmbeddedVectorIndexOptions options;
    private readonly ILogger logger;

    private VectorSpaceStore(string directory, string name, int dimensions, EmbeddedVectorIndexOptions options, ILogger logger)
    {
        this.directory = directory;
        Name = name;
        Dimensions = dimensions;
        this.options = options;
        this.logger = logger;
    }

    public string Name { get; }

    public int Dimensions { get; }

    /// <summary>Creates the folder and descriptor of a new space.</summary>
    public static VectorSpaceStore Create(string directory, VectorSpace space, EmbeddedVectorIndexOptions options, ILogger logger)
    {
        Directory.CreateDirectory(directory);
        var descriptor = Path.Combine(directory, DescriptorFile);
        File.WriteAllText(descriptor + ".tmp", JsonSerializer.Serialize(new SpaceDescriptor(space.Name, space.Dimensions)));
        File.Move(descriptor + ".tmp", descriptor, overwrite: true);
        return new VectorSpaceStore(directory, space.Name, space.Dimensions, options, logger);
    }

    /// <summary>Opens a space folder; null when it has no readable descriptor. Unreadable journals are set aside, not loaded.</summary>
    public static VectorSpaceStore? Open(string directory, EmbeddedVectorIndexOptions options, ILogger logger)
    {
        var descriptorPath = Path.Combine(directory, DescriptorFile);
        if (!File.Exists(descriptorPath))
        {
            return null;
        }

        var descriptor = JsonSerializer.Deserialize<SpaceDescriptor>(File.ReadAllText(descriptorPath))
            ?? throw new InvalidDataException($"'{descriptorPath}' is empty.");
        var store = new VectorSpaceStore(directory, descriptor.Name, descriptor.Dimensions, options, logger);
        foreach (var file in Directory.EnumerateFiles(directory, "*" + PartitionExtension))
        {
            try
            {
                var partition = Partition.Open(file, descriptor.Dimensions, options, logger);
                store.partitions[partition.Collection] = partition;
                foreach (var chunkId in partition.LiveChunkIds())
                {
                    store.owners[chunkId] = partition;
                }
            }
            catch (InvalidDataException error)
            {
                // Never read a journal we cannot trust; keep it for inspection and carry on without it.
                var quarantine = file + ".corrupt-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
                File.Move(file, quarantine);
                logger.LogError(error, "Vector journal {Path} is unreadable; moved to {Quarantine}. Re-index its collection.", file, quarantine);
            }
        }

        return store;
    }

    /// <summary>Inserts or replaces vectors (already unit length and of the right size).</summary>
    public void Upsert(IReadOnlyList<(VectorRecord Record, float[] Vector)> records)
    {
        gate.EnterWriteLock();
        var touched = new HashSet<Partition>();
        var movedFrom = new HashSet<Partition>();
        try
        {
            foreach (var (record, vector) in records)
            {
                var target = PartitionFor(record.Collection);
                if (owners.TryGetValue(record.ChunkId, out var owner) && owner != target)
                {
                    owner.StageDelete(record.ChunkId);
                    owner.ApplyDelete(record.ChunkId);
                    movedFrom.Add(owner);
                }

                target.StageUpsert(record.ChunkId, record.DocumentId, vector);
                target.ApplyUpsert(record.ChunkId, record.DocumentId, vector);
                owners[record.ChunkId] = target;
                touched.Add(target);
            }

            // Chunks moving between collections: commit the deletes first, so a crash in between can lose the move
            // (re-indexing restores it) but never leave the chunk live in two collections.
            CommitAndMaintain(movedFrom);
            touched.ExceptWith(movedFrom);
            CommitAndMaintain(touched);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Deletes a document's vectors; returns how many.</summary>
    public int DeleteDocument(Guid documentId)
    {
        gate.EnterWriteLock();
        try
        {
            var touched = new HashSet<Partition>();
            var deleted = 0;
            foreach (var partition in partitions.Values)
            {
                foreach (var chunkId in partition.ChunksOf(documentId))
                {
                    partition.StageDelete(chunkId);
                    partition.ApplyDelete(chunkId);
                    owners.Remove(chunkId);
                    touched.Add(partition);
                    deleted++;
                }
            }

            CommitAndMaintain(touched);
            return deleted;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Best hits across the given collections (and, when set, only of the given documents), in contract order.</summary>
    public List<VectorHit> Search(float[] query, int top, IEnumerable<string> collections, IReadOnlyCollection<Guid>? documents = null)
    {
        gate.EnterReadLock();
        try
        {
            var heap = new TopK(top);
            var chosen = documents is null ? null : documents as IReadOnlySet<Guid> ?? documents.ToHashSet();
            foreach (var collection in collections.Distinct(StringComparer.Ordinal))
            {
                if (partitions.TryGetValue(collection, out var partition))
                {
                    partition.Search(query, top, heap, chosen);
                }
            }

            return heap.ToSortedList();
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>Live vectors in the space.</summary>
    public long Count()
    {
        gate.EnterReadLock();
        try
        {
            return owners.Count;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>The partition of a collection, if any (for tests and diagnostics).</summary>
    internal Partition? PartitionOf(string collection)
    {
        gate.EnterReadLock();
        try
        {
            return partitions.GetValueOrDefault(collection);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        gate.EnterWriteLock();
        try
        {
            foreach (var partition in partitions.Values)
            {
                partition.Dispose();
            }

            partitions.Clear();
        }
        finally
        {
            gate.ExitWriteLock();
        }

        gate.Dispose();
    }

    private void CommitAndMaintain(HashSet<Partition> touched)
    {
        foreach (var partition in touched)
        {
            partition.Commit();
        }

        foreach (var partition in touched)
        {
            partition.Maintain();
        }
    }

    private Partition PartitionFor(string collection)
    {
        if (!partitions.TryGetValue(collection, out var partition))
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(collection)).AsSpan(0, 16));
            partition = Partition.Create(Path.Combine(directory, "c-" + hash + PartitionExtension), Dimensions, collection, options, logger);
            partitions[collection] = partition;
        }

        return partition;
    }

    private sealed record SpaceDescriptor(string Name, int Dimensions);
}
