using ChatRag.VectorStore.Qdrant;
using Google.Protobuf;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant.Tests.Fakes;

/// <summary>
/// An in-memory Qdrant that really evaluates the requests it receives (filters, dense cosine, sparse dot product with IDF,
/// prefetch + RRF, limits, payload selection) and rejects what Qdrant would reject (unknown vector names, wrong sizes),
/// with the same <see cref="RpcException"/> statuses. It records every request so tests can check shapes too.
/// </summary>
public sealed partial class InMemoryQdrantClient : IQdrantClient
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, StoredCollection> collections = new(StringComparer.Ordinal);
    private readonly List<IMessage> requests = [];
    private readonly List<string> calls = [];
    private int upsertsInFlight;
    private TaskCompletionSource? upsertBarrier;
    private int upsertBarrierCount;
    private TimeSpan upsertBarrierTimeout;

    /// <summary>When false, health checks fail with Unavailable.</summary>
    public bool Healthy { get; set; } = true;

    /// <summary>
    /// Holds every upsert (counted as in flight) until <paramref name="count"/> are in flight at once, then lets them all
    /// go, so an overlap is certain rather than left to scheduling. An upsert still held after
    /// <paramref name="timeout"/> fails with the number that were in flight: the caller never reached the overlap.
    /// </summary>
    public void HoldUpsertsUntilInFlight(int count, TimeSpan timeout)
    {
        upsertBarrierCount = count;
        upsertBarrierTimeout = timeout;
        upsertBarrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Most upserts that were in flight at the same moment.</summary>
    public int MaxUpsertsInFlight { get; private set; }

    /// <summary>Every call by operation name, in order, including failed ones.</summary>
    public IReadOnlyList<string> Calls { get { lock (gate) { return [.. calls]; } } }

    /// <summary>Every request message received, in order.</summary>
    public IReadOnlyList<IMessage> Requests { get { lock (gate) { return [.. requests]; } } }

    /// <summary>Requests of one type.</summary>
    public IReadOnlyList<T> RequestsOf<T>() where T : IMessage => Requests.OfType<T>().ToList();

    /// <summary>The payload index schema of a collection, as Qdrant reports it.</summary>
    public IReadOnlyDictionary<string, PayloadSchemaInfo> PayloadSchema(string collection)
    {
        lock (gate)
        {
            return new Dictionary<string, PayloadSchemaInfo>(Get(collection).Schema);
        }
    }

    /// <summary>What Qdrant's optimiser does to deleted and overwritten points: drops them from the index statistics.</summary>
    public void Optimize()
    {
        lock (gate)
        {
            foreach (var c in collections.Values)
            {
                c.Tombstones.Clear();
            }
        }
    }

    /// <summary>A stored point, or null.</summary>
    public PointStruct? Point(string collection, ulong id)
    {
        lock (gate)
        {
            return Get(collection).Points.TryGetValue(id, out var p) ? p.Clone() : null;
        }
    }

    /// <inheritdoc />
    public async Task<bool> CollectionExistsAsync(string collectionName, CancellationToken cancellationToken)
    {
        await EnterAsync("collection_exists", null, collectionName);
        lock (gate)
        {
            return collections.ContainsKey(collectionName) && !StillHidden(collectionName);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListCollectionsAsync(CancellationToken cancellationToken)
    {
        await EnterAsync("list_collections", null);
        lock (gate)
        {
            return [.. collections.Keys];
        }
    }

    /// <inheritdoc />
    public async Task<CollectionInfo> GetCollectionInfoAsync(string collectionName, CancellationToken cancellationToken)
    {
        await EnterAsync("collection_info", null, collectionName);
        lock (gate)
        {
            var c = Get(collectionName);
            var info = new CollectionInfo
            {
                Status = CollectionStatus.Green,
                PointsCount = (ulong)c.Points.Count,
                Config = new CollectionConfig
                {
                    Params = new CollectionParams
                    {
                        VectorsConfig = c.Config.VectorsConfig?.Clone(),
                        SparseVectorsConfig = c.Config.SparseVectorsConfig?.Clone(),
                        ShardNumber = c.Config.HasShardNumber ? c.Config.ShardNumber : 1,
                    },
                },
            };
            info.PayloadSchema.Add(c.Schema);
            return info;
        }
    }

    /// <inheritdoc />
    public async Task CreateCollectionAsync(CreateCollection request, CancellationToken cancellationToken)
    {
        await EnterAsync("create_collection", request, request.CollectionName);
        lock (gate)
        {
            if (string.IsNullOrEmpty(request.CollectionName))
            {
                throw Error(StatusCode.InvalidArgument, "collection name is empty");
            }

            if (collections.ContainsKey(request.CollectionName))
            {
                throw Error(StatusCode.AlreadyExists, $"Collection `{request.CollectionName}` already exists!");
            }

            collections[request.CollectionName] = new StoredCollection(request.Clone());
        }

        AfterApply("create_collection", request.CollectionName);
    }

    /// <inheritdoc />
    public async Task CreatePayloadIndexAsync(string collectionName, string fieldName, PayloadSchemaType schemaType, PayloadIndexParams? indexParams, CancellationToken cancellationToken)
    {
        await EnterAsync("create_payload_index", indexParams, collectionName);
        lock (gate)
        {
            var c = Get(collectionName);
            if (indexParams?.KeywordIndexParams is not null && schemaType != PayloadSchemaType.Keyword)
            {
                throw Error(StatusCode.InvalidArgument, $"keyword index params given for a {schemaType} field");
            }

            var info = new PayloadSchemaInfo { DataType = schemaType };
            if (indexParams is not null)
            {
                info.Params = indexParams.Clone();
            }

            c.Schema[fieldName] = info;
        }

        AfterApply("create_payload_index", collectionName);
    }

    /// <inheritdoc />
    public async Task<UpdateResult> UpsertAsync(UpsertPoints request, CancellationToken cancellationToken)
    {
        await EnterAsync("upsert", request, request.CollectionName);
        var inFlight = Interlocked.Increment(ref upsertsInFlight);
        try
        {
            lock (gate)
            {
                MaxUpsertsInFlight = Math.Max(MaxUpsertsInFlight, inFlight);
            }

            if (upsertBarrier is { } barrier)
            {
                if (inFlight >= upsertBarrierCount)
                {
                    barrier.TrySetResult();
                }

                try
                {
                    await barrier.Task.WaitAsync(upsertBarrierTimeout, cancellationToken);
                }
                catch (TimeoutException)
                {
                    throw new TimeoutException($"At most {MaxUpsertsInFlight} upserts were in flight at once; the barrier waited for {upsertBarrierCount}.");
                }
            }

            lock (gate)
            {
                var c = Get(request.CollectionName);
                var validated = request.Points.Select(p => Validate(c, p)).ToList(); // all or nothing, like one Qdrant request
                foreach (var point in validated)
                {
                    if (c.Points.TryGetValue(point.Id.Num, out var overwritten))
                    {
                        c.Tombstones.Add(overwritten);
                    }

                    c.Points[point.Id.Num] = point;
                }
            }

            AfterApply("upsert", request.CollectionName);
            return new UpdateResult { Status = UpdateStatus.Completed };
        }
        finally
        {
            Interlocked.Decrement(ref upsertsInFlight);
        }
    }

    /// <inheritdoc />
    public async Task<UpdateResult> DeleteAsync(string collectionName, Filter filter, WriteOrderingType? ordering, CancellationToken cancellationToken)
    {
        var request = new DeletePoints { CollectionName = collectionName, Wait = true, Points = new PointsSelector { Filter = filter } };
        if (ordering is { } type)
        {
            request.Ordering = new WriteOrdering { Type = type };
        }

        await EnterAsync("delete", request, collectionName);
        lock (gate)
        {
            var c = Get(collectionName);
            foreach (var id in c.Points.Values.Where(p => FilterEvaluator.Matches(filter, p)).Select(p => p.Id.Num).ToList())
            {
                c.Tombstones.Add(c.Points[id]);
                c.Points.Remove(id);
            }
        }

        AfterApply("delete", collectionName);
        return new UpdateResult { Status = UpdateStatus.Completed };
    }

    /// <inheritdoc />
    public async Task<ulong> CountAsync(string collectionName, Filter? filter, CancellationToken cancellationToken)
    {
        await EnterAsync("count", filter, collectionName);
        lock (gate)
        {
            return (ulong)Get(collectionName).Points.Values.Count(p => FilterEvaluator.Matches(filter, p));
        }
    }

    /// <inheritdoc />
    public async Task<HealthCheckReply> HealthAsync(CancellationToken cancellationToken)
    {
        await EnterAsync("health", null);
        return Healthy ? new HealthCheckReply { Title = "in-memory qdrant", Version = "1.20.0" } : throw Error(StatusCode.Unavailable, "connection refused");
    }

    internal static RpcException Error(StatusCode status, string detail) => new(new Status(status, detail));

    private async Task EnterAsync(string operation, IMessage? request, string? collection = null)
    {
        // Yield first so concurrent callers really interleave, as they would over the network.
        await Task.Yield();
        lock (gate)
        {
            calls.Add(operation);
            if (request is not null)
            {
                requests.Add(request.Descriptor.Parser.ParseFrom(request.ToByteString())); // a wire round trip: what Qdrant would receive
            }

            BeforeApply(operation, collection);
        }
    }

    private StoredCollection Get(string name) =>
        collections.TryGetValue(name, out var c) ? c : throw Error(StatusCode.NotFound, $"Collection `{name}` doesn't exist!");

    private sealed class StoredCollection(CreateCollection config)
    {
        public CreateCollection Config { get; } = config;

        public Dictionary<ulong, PointStruct> Points { get; } = [];

        /// <summary>Deleted and overwritten versions, still in the sparse posting lists until the optimiser merges segments.</summary>
        public List<PointStruct> Tombstones { get; } = [];

        public Dictionary<string, PayloadSchemaInfo> Schema { get; } = new(StringComparer.Ordinal);

        public VectorParams? DenseParams(string name) =>
            Config.VectorsConfig?.ParamsMap is { } map
                ? map.Map.GetValueOrDefault(name)
                : name.Length == 0 ? Config.VectorsConfig?.Params : null;

        public SparseVectorParams? SparseParams(string name) => Config.SparseVectorsConfig?.Map.GetValueOrDefault(name);
    }
}
