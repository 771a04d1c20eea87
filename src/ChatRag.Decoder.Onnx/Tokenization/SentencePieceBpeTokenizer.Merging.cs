using System.Text;

namespace ChatRag.Decoder.Onnx.Tokenization;

/// <summary>Word to ids: characters, byte fallback, unknowns, then rank-ordered merges.</summary>
public sealed partial class SentencePieceBpeTokenizer
{
    private int[] EncodeWord(string word)
    {
        if (settings.IgnoreMerges && vocab.TryGetValue(word, out var whole))
        {
            return [whole];
        }

        var symbols = new List<int>(word.Length);
        int? pendingUnknown = null;
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in word.EnumerateRunes())
        {
            if (vocab.TryGetValue(rune.ToString(), out var id))
            {
                FlushUnknown(symbols, ref pendingUnknown);
                symbols.Add(id);
                continue;
            }

            if (settings.ByteFallback && TryByteTokens(rune, utf8, out var byteIds))
            {
                // As in Hugging Face's BPE, byte tokens go straight in; a pending unknown is written after them.
                symbols.AddRange(byteIds);
                continue;
            }

            if (settings.UnknownId is { } unk)
            {
                if (pendingUnknown is not null && !settings.FuseUnknown)
                {
                    symbols.Add(pendingUnknown.Value);
                }

                pendingUnknown = unk;
            }
        }

        FlushUnknown(symbols, ref pendingUnknown);
        return Merge(symbols);
    }

    private static void FlushUnknown(List<int> symbols, ref int? pendingUnknown)
    {
        if (pendingUnknown is { } unk)
        {
            symbols.Add(unk);
            pendingUnknown = null;
        }
    }

    private bool TryByteTokens(Rune rune, Span<byte> utf8, out int[] ids)
    {
        var count = rune.EncodeToUtf8(utf8);
        ids = new int[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = byteIds[utf8[i]];
            if (ids[i] < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Merges adjacent symbols lowest rank first, leftmost first among equal ranks, in O(n log n) with a priority
    /// queue over a linked list (a prompt without pre-tokenizer is one long word). A queued pair is stale when either
    /// side has merged since; it is then skipped.
    /// </summary>
    private int[] Merge(List<int> symbols)
    {
        var n = symbols.Count;
        if (n < 2)
        {
            return [.. symbols];
        }

        var ids = symbols.ToArray();
        var next = new int[n];
        var prev = new int[n];
        var removed = new bool[n];
        var queue = new PriorityQueue<(int Position, int Merged), (int Rank, int Position)>();
        for (var i = 0; i < n; i++)
        {
            prev[i] = i - 1;
            next[i] = i + 1 < n ? i + 1 : -1;
            Enqueue(queue, ids, i, next[i]);
        }

        while (queue.TryDequeue(out var top, out _))
        {
            var position = top.Position;
            var right = next[position];
            if (removed[position] || right < 0 || !merges.TryGetValue((ids[position], ids[right]), out var merge) || merge.Merged != top.Merged)
            {
                continue;
            }

            ids[position] = merge.Merged;
            removed[right] = true;
            next[position] = next[right];
            if (next[right] >= 0)
            {
                prev[next[right]] = position;
            }

            if (prev[position] >= 0)
            {
                Enqueue(queue, ids, prev[position], position);
            }

            Enqueue(queue, ids, position, next[position]);
        }

        var result = new List<int>(n);
        for (var i = 0; i >= 0; i = next[i])
        {
            result.Add(ids[i]);
        }

        return [.. result];
    }

    private void Enqueue(PriorityQueue<(int, int), (int, int)> queue, int[] ids, int left, int right)
    {
        if (right >= 0 && merges.TryGetValue((ids[left], ids[right]), out var merge))
        {
            queue.Enqueue((left, merge.Merged), (merge.Rank, left));
        }
    }
}
