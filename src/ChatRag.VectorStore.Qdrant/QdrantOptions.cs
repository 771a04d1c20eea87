using System.ComponentModel.DataAnnotations;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>Connection, collection layout and write behaviour of the Qdrant vector index (section <c>ChatRag:Qdrant</c>).</summary>
public sealed class QdrantOptions
{
    /// <summary>Configuration section bound to these options.</summary>
    public const string SectionName = "ChatRag:Qdrant";

    /// <summary>gRPC endpoint of Qdrant (port 6334, not the REST port 6333), for example <c>http://qdrant:6334</c>.</summary>
    [Required]
    public string Url { get; set; } = "http://localhost:6334";

    /// <summary>API key sent as the <c>api-key</c> header; null when Qdrant runs without authentication.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Forces TLS (https) whatever scheme <see cref="Url"/> has; always use it with an API key outside a private network.</summary>
    public bool UseTls { get; set; }

    /// <summary>SHA-256 thumbprint (hex) of Qdrant's TLS certificate, to trust a self-signed certificate by pinning it; null uses normal validation.</summary>
    [RegularExpression("^[0-9A-Fa-f:]{64,95}$")]
    public string? CertificateThumbprint { get; set; }

    /// <summary>
    /// Prefix of every Qdrant collection name; the embedding space name follows it. Lets several deployments share one cluster.
    /// Required (an empty prefix would make every collection of the cluster look like ChatRag's).
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string CollectionPrefix { get; set; } = "chatrag_";

    /// <summary>HNSW graph degree (<c>m</c>); 0 disables the global graph (Qdrant's multitenancy layout, together with <see cref="HnswPayloadM"/>).</summary>
    [Range(0, 128)]
    public int HnswM { get; set; } = 16;

    /// <summary>HNSW <c>ef_construct</c>: build-time candidate list size; higher is slower to index and more accurate.</summary>
    [Range(4, 4096)]
    public int HnswEfConstruct { get; set; } = 100;

    /// <summary>HNSW <c>payload_m</c>: degree of the per-tenant graphs built for the tenant (collection) index; null leaves Qdrant's default.</summary>
    [Range(0, 128)]
    public int? HnswPayloadM { get; set; }

    /// <summary>Keeps dense vectors memory-mapped on disk instead of in RAM.</summary>
    public bool OnDiskVectors { get; set; }

    /// <summary>Keeps payloads on disk (Qdrant's default); only indexed fields stay in RAM.</summary>
    public bool OnDiskPayload { get; set; } = true;

    /// <summary>Shards per collection when it is created (distributed mode); changing it later needs resharding.</summary>
    [Range(1, 1024)]
    public int ShardNumber { get; set; } = 1;

    /// <summary>Copies of each shard when a collection is created (distributed mode).</summary>
    [Range(1, 16)]
    public int ReplicationFactor { get; set; } = 1;

    /// <summary>
    /// Replicas that must apply a write for it to succeed; at most <see cref="ReplicationFactor"/>. Null (the default) takes a
    /// majority of the replicas, which with <see cref="ReadConsistency"/> <c>Majority</c> lets a search see every acknowledged write.
    /// </summary>
    [Range(1, 16)]
    public int? WriteConsistencyFactor { get; set; }

    /// <summary>
    /// Ordering of writes across replicas: <c>Weak</c> (any order, fastest), <c>Medium</c> (through the shard's current leader,
    /// the default: a re-ingest racing a delete lands in the same order on every replica), <c>Strong</c> (through the permanent
    /// leader; writes fail while it is down).
    /// </summary>
    public WriteOrderingType WriteOrdering { get; set; } = WriteOrderingType.Medium;

    /// <summary>
    /// Read consistency of searches: <c>All</c>, <c>Majority</c> or <c>Quorum</c> (Qdrant's meanings). Null (the default) sends
    /// <c>Majority</c> when <see cref="ReplicationFactor"/> is above 1 and nothing (one replica answers) otherwise.
    /// </summary>
    public ReadConsistencyType? ReadConsistency { get; set; }

    /// <summary>The write consistency factor sent at collection creation.</summary>
    public int EffectiveWriteConsistencyFactor() => WriteConsistencyFactor ?? ((ReplicationFactor / 2) + 1);

    /// <summary>The read consistency sent with searches, or null for Qdrant's default (one replica).</summary>
    public ReadConsistencyType? EffectiveReadConsistency() => ReadConsistency ?? (ReplicationFactor > 1 ? ReadConsistencyType.Majority : null);

    /// <summary>Points per upsert request.</summary>
    [Range(1, 10_000)]
    public int UpsertBatchSize { get; set; } = 256;

    /// <summary>Upsert requests in flight at once for the whole process; further writers wait (back-pressure).</summary>
    [Range(1, 64)]
    public int MaxConcurrentUpserts { get; set; } = 4;

    /// <summary>Retries of a call failing with a transient gRPC status (Unavailable, DeadlineExceeded, ResourceExhausted).</summary>
    [Range(0, 10)]
    public int RetryCount { get; set; } = 4;

    /// <summary>Delay before the first retry; doubled for each further one (with jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>gRPC deadline of each call.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Candidates each prefetch (dense, sparse) hands to the fusion in hybrid search; the query's top is used when larger.</summary>
    [Range(1, 10_000)]
    public int HybridPrefetchLimit { get; set; } = 100;

    /// <summary>
    /// RRF constant <c>k</c> in Cormack et al.'s formulation (<c>1 / (k + rank)</c>, rank from 1), the same meaning as
    /// <c>ChatRag:Retrieval:RrfK</c>. Qdrant counts positions from 0 (<c>1 / (k + position)</c>), so the adapter sends
    /// <c>k + 1</c>: 60 here is 61 on the wire, and both rank a list identically. Needs a Qdrant with parameterised RRF
    /// (1.16+); null sends plain <c>fusion: rrf</c> for older servers, which then use Qdrant's own default (2 on the wire, 1 here).
    /// </summary>
    [Range(1, 1000)]
    public int? RrfK { get; set; } = 60;

    /// <summary>Asks Qdrant for exact (brute-force) dense search instead of HNSW; for evaluation and small deployments.</summary>
    public bool ExactSearch { get; set; }

    /// <summary>The endpoint with <see cref="UseTls"/> applied.</summary>
    public Uri EffectiveUri()
    {
        var builder = new UriBuilder(Url);
        if (UseTls)
        {
            builder.Scheme = Uri.UriSchemeHttps;
        }

        return builder.Uri;
    }
}
