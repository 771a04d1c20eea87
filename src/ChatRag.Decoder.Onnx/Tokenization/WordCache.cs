using System.Collections.Concurrent;

namespace ChatRag.Decoder.Onnx.Tokenization;

/// <summary>
/// Token ids of pre-tokenized words, shared by concurrent encodes and bounded: prompts carry the documents' passages,
/// so an unbounded cache would grow with every distinct word of the corpus (numbers, ids, names) for the life of the
/// server. Beyond <see cref="Capacity"/> words a word is encoded without being kept.
/// </summary>
internal sealed class WordCache(Func<string, int[]> encode, int capacity = WordCache.DefaultCapacity)
{
    /// <summary>Enough for the working vocabulary of a corpus's frequent words, about 10 MB at most.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly ConcurrentDictionary<string, int[]> words = new(StringComparer.Ordinal);
    private int count;

    /// <summary>The most words kept.</summary>
    public int Capacity => capacity;

    /// <summary>Words kept now.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>The word's ids, from the cache or encoded (and kept while there is room).</summary>
    public int[] Get(string word)
    {
        if (words.TryGetValue(word, out var ids))
        {
            return ids;
        }

        ids = encode(word);
        if (Volatile.Read(ref count) < capacity && words.TryAdd(word, ids))
        {
            Interlocked.Increment(ref count);
        }

        return ids;
    }
}
