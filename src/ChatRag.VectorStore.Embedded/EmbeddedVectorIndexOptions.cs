using System.ComponentModel.DataAnnotations;

namespace ChatRag.VectorStore.Embedded;

/// <summary>Settings of the embedded vector index (section <c>ChatRag:VectorIndex</c>).</summary>
public sealed class EmbeddedVectorIndexOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:VectorIndex";

    /// <summary>
    /// Root data directory; vectors live under <c>&lt;DataDirectory&gt;/vectors/&lt;space&gt;/</c>.
    /// Bound from <c>ChatRag:DataDirectory</c> by <see cref="EmbeddedVectorIndexServiceCollectionExtensions.AddEmbeddedVectorIndex"/>.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Live vectors in one (space, collection) partition from which searches use the HNSW graph instead of an exact scan.</summary>
    [Range(1, int.MaxValue)]
    public int AnnThreshold { get; set; } = 20_000;

    // Defaults come from VectorIndexBenchmark at 100k x 384 clustered vectors on a 2-core machine: I8 graph, M 16,
    // ef_add 128, ef 384 with 3x oversampling and exact re-scoring reach recall@10 >= 0.99 at a few ms per query.

    /// <summary>HNSW connectivity (M): graph edges per node. More edges raise recall and memory.</summary>
    [Range(4, 128)]
    public int Connectivity { get; set; } = 16;

    /// <summary>HNSW candidate list size while inserting (efConstruction).</summary>
    [Range(8, 4096)]
    public int ExpansionAdd { get; set; } = 128;

    /// <summary>HNSW candidate list size while searching (ef); raised to the requested top-k when smaller.</summary>
    [Range(8, 4096)]
    public int ExpansionSearch { get; set; } = 384;

    /// <summary>
    /// Scalar type the graph stores: <c>F32</c>, <c>F16</c> or <c>I8</c>. Smaller types build and search faster and use less
    /// memory; hits are re-scored exactly from the float32 rows, so only candidate selection is approximate.
    /// </summary>
    [EnumDataType(typeof(AnnQuantization))]
    public AnnQuantization AnnQuantization { get; set; } = AnnQuantization.I8;

    /// <summary>ANN candidates fetched per requested hit before exact re-scoring (1 = none extra).</summary>
    [Range(1, 16)]
    public int Oversampling { get; set; } = 3;

    /// <summary>Exact scans of partitions at least this large are split across CPU cores.</summary>
    [Range(1, int.MaxValue)]
    public int ParallelScanThreshold { get; set; } = 32_768;

    /// <summary>Share of obsolete journal records (replaced or deleted) that triggers a rewrite of a partition file.</summary>
    [Range(0.05, 0.95)]
    public double CompactionRatio { get; set; } = 0.4;

    /// <summary>Obsolete records below which a partition is never compacted (small files are cheap to replay).</summary>
    [Range(0, int.MaxValue)]
    public int CompactionMinRecords { get; set; } = 1_000;

    /// <summary>Flush each write batch to the disk (fsync). Off trades crash durability for ingest speed.</summary>
    public bool DurableWrites { get; set; } = true;
}
