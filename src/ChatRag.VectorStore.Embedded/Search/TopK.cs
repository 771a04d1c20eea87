using ChatRag.Core.Indexing;

namespace ChatRag.VectorStore.Embedded.Search;

/// <summary>
/// Keeps the best k hits seen so far in a binary min-heap whose root is the worst kept hit, so each offer is O(1) when
/// rejected and O(log k) when kept. Order: higher score first, equal scores by lower chunk id (the contract's tie rule).
/// </summary>
internal sealed class TopK
{
    private readonly VectorHit[] heap;
    private int count;

    public TopK(int k) => heap = new VectorHit[Math.Max(k, 0)];

    /// <summary>Hits kept.</summary>
    public int Count => count;

    /// <summary>Whether a hit with this score could still enter (cheap pre-check before building the hit).</summary>
    public bool Accepts(float score) => count < heap.Length || score >= heap[0].Score;

    /// <summary>Offers a hit.</summary>
    public void Offer(float score, long chunkId)
    {
        var hit = new VectorHit(chunkId, score);
        if (count < heap.Length)
        {
            heap[count] = hit;
            SiftUp(count++);
        }
        else if (heap.Length > 0 && Better(hit, heap[0]))
        {
            heap[0] = hit;
            SiftDown(0);
        }
    }

    /// <summary>Offers every hit of another heap.</summary>
    public void Merge(TopK other)
    {
        for (var i = 0; i < other.count; i++)
        {
            Offer(other.heap[i].Score, other.heap[i].ChunkId);
        }
    }

    /// <summary>The kept hits, best first.</summary>
    public List<VectorHit> ToSortedList()
    {
        var result = new List<VectorHit>(heap.AsSpan(0, count).ToArray());
        result.Sort(static (a, b) => Better(a, b) ? -1 : Better(b, a) ? 1 : 0);
        return result;
    }

    /// <summary>Contract order: score descending, then chunk id ascending.</summary>
    public static bool Better(VectorHit a, VectorHit b) => a.Score > b.Score || (a.Score == b.Score && a.ChunkId < b.ChunkId);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Better(heap[parent], heap[i]))
            {
                return;
            }

            (heap[parent], heap[i]) = (heap[i], heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var worst = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < count && Better(heap[worst], heap[left]))
            {
                worst = left;
            }

            if (right < count && Better(heap[worst], heap[right]))
            {
                worst = right;
            }

            if (worst == i)
            {
                return;
            }

            (heap[worst], heap[i]) = (heap[i], heap[worst]);
            i = worst;
        }
    }
}
