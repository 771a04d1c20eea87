using System.Numerics.Tensors;
using ChatRag.VectorStore.Embedded.Search;

namespace ChatRag.VectorStore.Embedded;

/// <summary>Search: an exact SIMD scan for small partitions, the graph plus exact re-scoring for large ones.</summary>
internal sealed partial class Partition
{
    /// <summary>
    /// Offers this partition's best <paramref name="top"/> hits for a unit-length query into <paramref name="into"/>;
    /// with <paramref name="documents"/>, only vectors of those documents are scored at all.
    /// </summary>
    public void Search(float[] query, int top, TopK into, IReadOnlySet<Guid>? documents = null)
    {
        if (Count == 0 || top <= 0)
        {
            return;
        }

        if (documents is not null)
        {
            // A chosen few documents: an exact scan of their rows only. The graph would have to be over-sampled without
            // bound to find them among the whole partition, and a post-filter of its hits could return nothing.
            var heap = new TopK(top);
            ScanDocuments(query, documents, heap);
            into.Merge(heap);
            return;
        }

        if (ann is null || !SearchAnn(query, top, into))
        {
            into.Merge(SearchExact(query, top));
        }
    }

    /// <summary>Exact top-k over every live vector.</summary>
    public TopK SearchExact(float[] query, int top)
    {
        if (slots < options.ParallelScanThreshold || Environment.ProcessorCount == 1)
        {
            var result = new TopK(top);
            Scan(query, 0, slots, result);
            return result;
        }

        // Block-parallel scan: each block keeps its own heap, merged at the end (no shared state while scanning).
        var blocks = Environment.ProcessorCount * 2;
        var blockSize = (slots + blocks - 1) / blocks;
        var partial = new TopK[blocks];
        Parallel.For(0, blocks, b =>
        {
            var heap = new TopK(top);
            Scan(query, b * blockSize, Math.Min(slots, (b + 1) * blockSize), heap);
            partial[b] = heap;
        });
        var merged = new TopK(top);
        foreach (var heap in partial)
        {
            merged.Merge(heap);
        }

        return merged;
    }

    private void Scan(float[] query, int from, int to, TopK heap)
    {
        var rows = vectors.AsSpan();
        var q = query.AsSpan();
        for (var slot = from; slot < to; slot++)
        {
            if (!live[slot])
            {
                continue;
            }

            var score = TensorPrimitives.Dot(rows.Slice(slot * dimensions, dimensions), q);
            if (heap.Accepts(score))
            {
                heap.Offer(score, chunkIds[slot]);
            }
        }
    }

    private void ScanDocuments(float[] query, IReadOnlySet<Guid> documents, TopK heap)
    {
        var rows = vectors.AsSpan();
        for (var slot = 0; slot < slots; slot++)
        {
            if (!live[slot] || !documents.Contains(documentIds[slot]))
            {
                continue;
            }

            var score = TensorPrimitives.Dot(rows.Slice(slot * dimensions, dimensions), query);
            if (heap.Accepts(score))
            {
                heap.Offer(score, chunkIds[slot]);
            }
        }
    }

    /// <summary>Graph search with oversampling, exact re-scoring, and a check that enough live hits came back.</summary>
    private bool SearchAnn(float[] query, int top, TopK into)
    {
        var want = Math.Min(Count, top * options.Oversampling);
        var keys = new long[Math.Max(want, top)];
        var found = ann!.Search(query, keys);
        var heap = new TopK(top);
        var rows = vectors.AsSpan();
        for (var i = 0; i < found; i++)
        {
            // A key the graph still knows but the partition does not (should not happen) is skipped, never returned.
            if (slotOf.TryGetValue(keys[i], out var slot))
            {
                heap.Offer(TensorPrimitives.Dot(rows.Slice(slot * dimensions, dimensions), query), keys[i]);
            }
        }

        if (heap.Count < Math.Min(top, Count))
        {
            return false;
        }

        into.Merge(heap);
        return true;
    }
}
