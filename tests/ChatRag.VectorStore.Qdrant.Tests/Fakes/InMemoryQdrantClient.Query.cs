using System.Numerics.Tensors;
using Google.Protobuf.Collections;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant.Tests.Fakes;

/// <summary>Point validation and the Query API: nearest (dense, sparse with IDF), prefetch, RRF fusion, limit, payload selection.</summary>
public sealed partial class InMemoryQdrantClient
{
    /// <summary>RRF constant of plain <c>fusion: rrf</c>: Qdrant's <c>DEFAULT_RRF_K</c> (lib/segment/src/common/reciprocal_rank_fusion.rs).</summary>
    public const int DefaultRrfK = 2;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScoredPoint>> QueryAsync(QueryPoints request, CancellationToken cancellationToken)
    {
        await EnterAsync("query", request, request.CollectionName);
        lock (gate)
        {
            var c = Get(request.CollectionName);
            var ranked = Evaluate(c, request.Query, request.HasUsing ? request.Using : string.Empty, request.Filter, request.Prefetch, request.HasLimit ? request.Limit : 10, request.Params);
            return ranked.Select(r => Scored(r.Point, r.Score, request.WithPayload)).ToList();
        }
    }

    private static List<(PointStruct Point, float Score)> Evaluate(
        StoredCollection c, Query? query, string vectorName, Filter? filter, RepeatedField<PrefetchQuery> prefetch, ulong limit, SearchParams? searchParams)
    {
        List<List<(PointStruct Point, float Score)>>? prefetched = prefetch.Count == 0
            ? null
            : prefetch.Select(p => Evaluate(c, p.Query, p.HasUsing ? p.Using : string.Empty, p.Filter, p.Prefetch, p.HasLimit ? p.Limit : 10, p.Params)).ToList();
        var candidates = (prefetched is null ? c.Points.Values : prefetched.SelectMany(l => l.Select(r => r.Point)).DistinctBy(p => p.Id.Num))
            .Where(p => FilterEvaluator.Matches(filter, p))
            .ToList();
        var allowed = candidates.Select(p => p.Id.Num).ToHashSet();

        IEnumerable<(PointStruct Point, float Score)> scored = query?.VariantCase switch
        {
            Query.VariantOneofCase.Nearest => Nearest(c, query.Nearest, vectorName, candidates, searchParams?.Idf?.Corpus),
            Query.VariantOneofCase.Fusion when query.Fusion == Fusion.Rrf => Rrf(prefetched, allowed, DefaultRrfK),
            Query.VariantOneofCase.Rrf => Rrf(prefetched, allowed, query.Rrf.HasK ? (int)query.Rrf.K : DefaultRrfK),
            _ => throw new NotSupportedException($"The in-memory Qdrant does not evaluate query variant {query?.VariantCase.ToString() ?? "none"}."),
        };
        var ordered = query?.VariantCase == Query.VariantOneofCase.Nearest
            ? scored.OrderByDescending(r => r.Score).ThenBy(r => r.Point.Id.Num)
#pragma warning disable CA5394 // Not security: Qdrant's fusion sorts a hash map's values unstably, so ties come back in any order.
            : scored.OrderByDescending(r => r.Score).ThenBy(_ => Random.Shared.Next());
#pragma warning restore CA5394
        return ordered.Take((int)Math.Min(limit, int.MaxValue)).ToList();
    }

    private static IEnumerable<(PointStruct Point, float Score)> Rrf(List<List<(PointStruct Point, float Score)>>? prefetched, HashSet<ulong> allowed, int k)
    {
        if (prefetched is null)
        {
            throw Error(StatusCode.InvalidArgument, "Fusion queries need prefetches");
        }

        // Qdrant's rrf_scoring: position from 0, 1 / ((position + 1) / weight + k - 1) in f32, weight 1, summed per id.
        var scores = new Dictionary<ulong, (PointStruct Point, float Score)>();
        foreach (var list in prefetched)
        {
            var position = 0;
            foreach (var (point, _) in list.Where(r => allowed.Contains(r.Point.Id.Num)))
            {
                var previous = scores.TryGetValue(point.Id.Num, out var s) ? s.Score : 0f;
                scores[point.Id.Num] = (point, previous + (1f / (((position + 1) / 1f) + k - 1f)));
                position++;
            }
        }

        return scores.Values;
    }

    private static IEnumerable<(PointStruct Point, float Score)> Nearest(StoredCollection c, VectorInput input, string vectorName, List<PointStruct> candidates, Filter? idfCorpus)
    {
        if (c.DenseParams(vectorName) is { } dense)
        {
            if (input.VariantCase != VectorInput.VariantOneofCase.Dense)
            {
                throw Error(StatusCode.InvalidArgument, $"Vector `{vectorName}` is dense but the query is {input.VariantCase}");
            }

            var query = input.Dense.Data.ToArray();
            if ((ulong)query.Length != dense.Size)
            {
                throw Error(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error: expected dim: {dense.Size}, got {query.Length}");
            }

            if (dense.Distance != Distance.Cosine)
            {
                throw new NotSupportedException("The in-memory Qdrant scores cosine only.");
            }

            Normalize(query);
            return candidates
                .Where(p => p.Vectors.Vectors_.Vectors.ContainsKey(vectorName))
                .Select(p => (p, TensorPrimitives.Dot(p.Vectors.Vectors_.Vectors[vectorName].Dense.Data.ToArray(), query)));
        }

        if (c.SparseParams(vectorName) is { } sparse)
        {
            if (input.VariantCase != VectorInput.VariantOneofCase.Sparse)
            {
                throw Error(StatusCode.InvalidArgument, $"Vector `{vectorName}` is sparse but the query is {input.VariantCase}");
            }

            var idf = sparse.HasModifier && sparse.Modifier == Modifier.Idf ? InverseDocumentFrequencies(c, vectorName, input.Sparse.Indices, idfCorpus) : null;
            return candidates
                .Where(p => p.Vectors.Vectors_.Vectors.ContainsKey(vectorName))
                .Select(p => (Point: p, Score: SparseScore(input.Sparse, p.Vectors.Vectors_.Vectors[vectorName].Sparse, idf)))
                .Where(r => r.Score is { } s && !float.IsNaN(s))
                .Select(r => (r.Point, r.Score!.Value));
        }

        throw Error(StatusCode.InvalidArgument, $"Wrong input: Not existing vector name error: {vectorName}");
    }

    // Qdrant's IDF modifier: idf = ln(1 + (N - n + 0.5) / (n + 0.5)). Globally (no corpus) N and n are the sparse index's
    // vector count and posting list lengths, which still hold deleted and overwritten points until optimisation, whatever the
    // search filter. With an IDF corpus (Qdrant 1.19+) only live points matching the corpus filter count
    // (lib/segment/src/index/sparse_index/sparse_vector_index/read_view/idf.rs).
    private static Dictionary<uint, float> InverseDocumentFrequencies(StoredCollection c, string vectorName, IEnumerable<uint> terms, Filter? corpus)
    {
        var population = corpus is null ? c.Points.Values.Concat(c.Tombstones) : c.Points.Values.Where(p => FilterEvaluator.Matches(corpus, p));
        var holders = population.Where(p => p.Vectors.Vectors_.Vectors.ContainsKey(vectorName)).Select(p => p.Vectors.Vectors_.Vectors[vectorName].Sparse).ToList();
        return terms.Distinct().ToDictionary(t => t, t =>
        {
            var n = holders.Count(s => s.Indices.Contains(t));
            return (float)Math.Log(1 + ((holders.Count - n + 0.5) / (n + 0.5)));
        });
    }

    // Null when the vectors share no term: Qdrant's sparse search only returns overlapping points.
    private static float? SparseScore(SparseVector query, SparseVector stored, Dictionary<uint, float>? idf)
    {
        float? score = null;
        for (var i = 0; i < query.Indices.Count; i++)
        {
            var at = stored.Indices.IndexOf(query.Indices[i]);
            if (at >= 0)
            {
                score = (score ?? 0) + (query.Values[i] * stored.Values[at] * (idf?[query.Indices[i]] ?? 1f));
            }
        }

        return score;
    }

    private static PointStruct Validate(StoredCollection c, PointStruct point)
    {
        if (point.Id?.PointIdOptionsCase != PointId.PointIdOptionsOneofCase.Num)
        {
            throw new NotSupportedException("The in-memory Qdrant stores numeric point ids only.");
        }

        if (point.Vectors?.VectorsOptionsCase != Vectors.VectorsOptionsOneofCase.Vectors_)
        {
            throw Error(StatusCode.InvalidArgument, "Wrong input: Vector with name `` is not found (the collection has named vectors only)");
        }

        var stored = point.Clone();
        foreach (var (name, vector) in stored.Vectors.Vectors_.Vectors)
        {
            if (c.DenseParams(name) is { } dense)
            {
                if (vector.VectorCase != Vector.VectorOneofCase.Dense || (ulong)vector.Dense.Data.Count != dense.Size)
                {
                    throw Error(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error for `{name}`: expected dim: {dense.Size}");
                }

                var data = vector.Dense.Data.ToArray();
                Normalize(data); // Qdrant normalises cosine vectors on write.
                vector.Dense.Data.Clear();
                vector.Dense.Data.Add(data);
            }
            else if (c.SparseParams(name) is not null)
            {
                if (vector.VectorCase != Vector.VectorOneofCase.Sparse
                    || vector.Sparse.Indices.Count != vector.Sparse.Values.Count
                    || vector.Sparse.Indices.Distinct().Count() != vector.Sparse.Indices.Count)
                {
                    throw Error(StatusCode.InvalidArgument, $"Wrong input: malformed sparse vector `{name}`");
                }
            }
            else
            {
                throw Error(StatusCode.InvalidArgument, $"Wrong input: Not existing vector name error: {name}");
            }
        }

        return stored;
    }

    private static ScoredPoint Scored(PointStruct point, float score, WithPayloadSelector? selector)
    {
        var result = new ScoredPoint { Id = point.Id.Clone(), Score = score };
        foreach (var (key, value) in point.Payload)
        {
            var include = selector?.SelectorOptionsCase switch
            {
                WithPayloadSelector.SelectorOptionsOneofCase.Enable => selector.Enable,
                WithPayloadSelector.SelectorOptionsOneofCase.Include => selector.Include.Fields.Contains(key),
                WithPayloadSelector.SelectorOptionsOneofCase.Exclude => !selector.Exclude.Fields.Contains(key),
                _ => false, // The Query API returns no payload unless asked.
            };
            if (include)
            {
                result.Payload[key] = value.Clone();
            }
        }

        return result;
    }

    private static void Normalize(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
