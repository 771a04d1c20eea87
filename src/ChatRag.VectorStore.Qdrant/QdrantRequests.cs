using ChatRag.Core.Indexing;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>Builds the Qdrant requests of the index; kept apart from the call logic so the shapes read in one place.</summary>
internal static class QdrantRequests
{
    // on_disk / on_disk_payload are deprecated in favour of the newer `memory` placement, but every Qdrant version
    // honours them while older servers silently drop the new field; pinning a server version would be the price of switching.
#pragma warning disable CS0612
    public static CreateCollection CreateCollection(string name, int dimensions, QdrantOptions options)
    {
        var hnsw = new HnswConfigDiff { M = (ulong)options.HnswM, EfConstruct = (ulong)options.HnswEfConstruct };
        if (options.HnswPayloadM is { } payloadM)
        {
            hnsw.PayloadM = (ulong)payloadM;
        }

        var request = new CreateCollection
        {
            CollectionName = name,
            VectorsConfig = new VectorsConfig
            {
                ParamsMap = new VectorParamsMap
                {
                    Map =
                    {
                        [QdrantSchema.DenseVector] = new VectorParams { Size = (ulong)dimensions, Distance = Distance.Cosine, OnDisk = options.OnDiskVectors },
                    },
                },
            },
            SparseVectorsConfig = new SparseVectorConfig
            {
                Map =
                {
                    [QdrantSchema.SparseVector] = new SparseVectorParams { Modifier = Modifier.Idf, Index = new SparseIndexConfig { OnDisk = options.OnDiskVectors } },
                },
            },
            HnswConfig = hnsw,
            OnDiskPayload = options.OnDiskPayload,
            ShardNumber = (uint)options.ShardNumber,
            ReplicationFactor = (uint)options.ReplicationFactor,
            WriteConsistencyFactor = (uint)options.EffectiveWriteConsistencyFactor(),
        };
        return request;
    }
#pragma warning restore CS0612

    /// <summary>The tenant index: Qdrant co-locates a tenant's points and can build per-tenant HNSW graphs.</summary>
    public static PayloadIndexParams TenantIndex() => new() { KeywordIndexParams = new KeywordIndexParams { IsTenant = true } };

    public static PointStruct Point(VectorRecord record)
    {
        var vectors = new NamedVectors
        {
            Vectors = { [QdrantSchema.DenseVector] = new Vector { Dense = new DenseVector { Data = { record.Vector.ToArray() } } } },
        };
        var (indices, values) = SparseTermEncoder.EncodeDocument(record.Text);
        if (indices.Length > 0)
        {
            vectors.Vectors[QdrantSchema.SparseVector] = new Vector { Sparse = new SparseVector { Indices = { indices }, Values = { values } } };
        }

        return new PointStruct
        {
            Id = PointId(record.ChunkId),
            Vectors = new Vectors { Vectors_ = vectors },
            Payload =
            {
                [QdrantSchema.CollectionField] = record.Collection,
                [QdrantSchema.DocumentIdField] = record.DocumentId.ToString("D"),
                [QdrantSchema.ChunkIdField] = record.ChunkId,
            },
        };
    }

    // Chunk ids are SQLite rowids (positive); the unchecked casts round-trip any long anyway.
    public static PointId PointId(long chunkId) => new() { Num = unchecked((ulong)chunkId) };

    public static long ChunkId(PointId id) => unchecked((long)id.Num);

    public static Filter CollectionFilter(IReadOnlyCollection<string> collections)
    {
        var match = collections.Count == 1
            ? new Match { Keyword = collections.First() }
            : new Match { Keywords = new RepeatedStrings { Strings = { collections } } };
        return new Filter { Must = { new Condition { Field = new FieldCondition { Key = QdrantSchema.CollectionField, Match = match } } } };
    }

    /// <summary>
    /// The query's scope: its collections (tenant index) and, when documents were chosen, a keyword match on the
    /// <see cref="QdrantSchema.DocumentIdField"/> payload index (created at start-up by the schema check), so Qdrant
    /// filters during the HNSW search and the limit is taken among the chosen documents.
    /// </summary>
    public static Filter ScopeFilter(VectorQuery query)
    {
        var filter = CollectionFilter(query.Collections);
        if (query.Documents is { } documents)
        {
            var ids = documents.Select(d => d.ToString("D")).Distinct(StringComparer.Ordinal).ToList();
            var match = ids.Count == 1 ? new Match { Keyword = ids[0] } : new Match { Keywords = new RepeatedStrings { Strings = { ids } } };
            filter.Must.Add(new Condition { Field = new FieldCondition { Key = QdrantSchema.DocumentIdField, Match = match } });
        }

        return filter;
    }

    public static Filter DocumentFilter(Guid documentId) => new()
    {
        Must = { new Condition { Field = new FieldCondition { Key = QdrantSchema.DocumentIdField, Match = new Match { Keyword = documentId.ToString("D") } } } },
    };

    public static QueryPoints DenseQuery(string collection, VectorQuery query, QdrantOptions options) => new()
    {
        CollectionName = collection,
        Query = new Query { Nearest = DenseInput(query.Vector) },
        Using = QdrantSchema.DenseVector,
        Filter = ScopeFilter(query),
        Limit = (ulong)query.Top,
        Params = new SearchParams { Exact = options.ExactSearch },
        WithPayload = new WithPayloadSelector { Enable = false },
        ReadConsistency = ReadConsistency(options),
    };

    public static QueryPoints HybridQuery(string collection, VectorQuery query, (uint[] Indices, float[] Values) terms, QdrantOptions options)
    {
        var candidates = (ulong)Math.Max(query.Top, options.HybridPrefetchLimit);
        var fusion = options.RrfK is { } k ? new Query { Rrf = new Rrf { K = QdrantRrfK(k) } } : new Query { Fusion = Fusion.Rrf };
        return new QueryPoints
        {
            CollectionName = collection,
            Prefetch =
            {
                // The scope filter (collections, chosen documents) goes into every prefetch: fusion only sees what the prefetches return,
                // so a filter on the outer query alone would let other tenants' points take candidate slots.
                new PrefetchQuery
                {
                    Query = new Query { Nearest = DenseInput(query.Vector) },
                    Using = QdrantSchema.DenseVector,
                    Filter = ScopeFilter(query),
                    Limit = candidates,
                    Params = new SearchParams { Exact = options.ExactSearch },
                },
                new PrefetchQuery
                {
                    Query = new Query { Nearest = new VectorInput { Sparse = new SparseVector { Indices = { terms.Indices }, Values = { terms.Values } } } },
                    Using = QdrantSchema.SparseVector,
                    Filter = ScopeFilter(query),
                    Limit = candidates,

                    // IDF over the searched ChatRag collections only, not every tenant of the Qdrant collection (Qdrant 1.19+;
                    // older servers skip the unknown field and fall back to collection-wide IDF, see docs/deployment.md).
                    Params = new SearchParams { Idf = new IdfParams { Corpus = CollectionFilter(query.Collections) } },
                },
            },
            Query = fusion,
            Filter = ScopeFilter(query),

            // Qdrant's RRF does not break ties (hash map, unstable sort, then its limit cut), and two disjoint lists tie in
            // pairs; so ask for the whole fused list (every prefetch's candidates) and cut deterministically on our side.
            Limit = candidates * 2,
            WithPayload = new WithPayloadSelector { Enable = false },
            ReadConsistency = ReadConsistency(options),
        };
    }

    private static ReadConsistency? ReadConsistency(QdrantOptions options) =>
        options.EffectiveReadConsistency() is { } type ? new ReadConsistency { Type = type } : null;

    /// <summary>Qdrant's k for a Cormack k: Qdrant scores <c>1 / (k + position)</c> with position from 0, Cormack <c>1 / (k + rank)</c> from 1.</summary>
    public static uint QdrantRrfK(int cormackK) => (uint)cormackK + 1;

    private static VectorInput DenseInput(ReadOnlyMemory<float> vector) => new() { Dense = new DenseVector { Data = { vector.ToArray() } } };
}
