using System.Text;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>
/// Turns text into the sparse vectors of the hybrid search: one dimension per token (a stable 32-bit FNV-1a hash of the
/// lower-cased token, so every process and version agrees), BM25 term-frequency saturation on the document side.
/// Qdrant supplies the other half of BM25, the IDF, through the sparse vector's <c>Modifier.Idf</c>.
/// </summary>
public static class SparseTermEncoder
{
    /// <summary>BM25 term-frequency saturation.</summary>
    public const double K1 = 1.2;

    /// <summary>BM25 length normalisation.</summary>
    public const double B = 0.75;

    /// <summary>Assumed average document length in tokens: the true average is not known to one writer (fastembed's BM25 makes the same choice).</summary>
    public const double AverageLength = 256;

    /// <summary>Document-side vector: saturated term frequencies, indices ascending. Empty when the text has no tokens.</summary>
    public static (uint[] Indices, float[] Values) EncodeDocument(string? text)
    {
        var counts = Count(text, out var length);
        var norm = K1 * (1 - B + (B * length / AverageLength));
        return Build(counts, tf => (float)(tf * (K1 + 1) / (tf + norm)));
    }

    /// <summary>Query-side vector: weight 1 per distinct term, so the score is the sum of matched terms' BM25 weights.</summary>
    public static (uint[] Indices, float[] Values) EncodeQuery(string? text) => Build(Count(text, out _), _ => 1f);

    /// <summary>Lower-cased letter/digit runs of the text.</summary>
    public static IEnumerable<string> Tokenize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var token = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                token.Append(char.ToLowerInvariant(c));
            }
            else if (token.Length > 0)
            {
                yield return token.ToString();
                token.Clear();
            }
        }

        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }

    /// <summary>The stable dimension of a token: FNV-1a over its UTF-8 bytes.</summary>
    public static uint Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(token))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }

    private static SortedDictionary<uint, int> Count(string? text, out int length)
    {
        var counts = new SortedDictionary<uint, int>();
        length = 0;
        foreach (var token in Tokenize(text))
        {
            length++;
            var index = Hash(token);
            counts[index] = counts.GetValueOrDefault(index) + 1;
        }

        return counts;
    }

    private static (uint[] Indices, float[] Values) Build(SortedDictionary<uint, int> counts, Func<int, float> weight) =>
        ([.. counts.Keys], [.. counts.Values.Select(weight)]);
}
