using System.Text;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>
/// Turns text into the sparse vectors of the hybrid search: one dimension per token (a stable 32-bit FNV-1a hash of the
/// lower-cased token, so every process and version agrees), BM25 term-frequency saturation on the document side.
/// Qdrant supplies the other half of BM25, the IDF, through the sparse vector's <c>Modifier.Idf</c>.
/// Chinese and Japanese are written without spaces, so a run of Han, Hiragana or Katakana is cut into overlapping
/// character bigrams (a lone character stays a unigram), as Lucene's CJK analyzer does; otherwise a whole sentence
/// would be one term that no query matches.
/// </summary>
public static partial class SparseTermEncoder
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

    /// <summary>
    /// Lower-cased runs of letters and digits (whole Unicode code points), CJK runs as character bigrams;
    /// <see cref="Hash"/> of each is its dimension.
    /// </summary>
    public static IEnumerable<string> Tokenize(string? text)
    {
        var token = new StringBuilder();
        Rune? previousCjk = null;
        var cjkRun = 0;
        foreach (var rune in (text ?? string.Empty).EnumerateRunes())
        {
            if (cjkRun > 0 && !IsCjk(rune))
            {
                if (cjkRun == 1)
                {
                    yield return previousCjk!.Value.ToString();
                }

                cjkRun = 0;
            }

            if (IsCjk(rune))
            {
                if (token.Length > 0)
                {
                    yield return token.ToString();
                    token.Clear();
                }

                if (cjkRun > 0)
                {
                    yield return previousCjk!.Value.ToString() + rune.ToString();
                }

                previousCjk = rune;
                cjkRun++;
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                token.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (token.Length > 0)
            {
                yield return token.ToString();
                token.Clear();
            }
        }

        if (cjkRun == 1)
        {
            yield return previousCjk!.Value.ToString();
        }

        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }

    // Hot path of every upsert: hashes while scanning, without allocating a string per token (about 10x faster than Tokenize + Hash).
    private static Dictionary<uint, int> Count(string? text, out int length)
    {
        var counts = new Dictionary<uint, int>();
        length = 0;
        Span<byte> utf8 = stackalloc byte[4];
        var hash = OffsetBasis;
        var inToken = false;
        var previousCjk = default(Rune);
        var cjkRun = 0;
        foreach (var rune in (text ?? string.Empty).EnumerateRunes())
        {
            if (cjkRun > 0 && !IsCjk(rune))
            {
                EndCjkRun(counts, previousCjk, ref cjkRun, ref length);
            }

            if (rune.IsAscii)
            {
                // ASCII fast path, same result as the general branch: most corpus text is ASCII.
                var c = rune.Value | (rune.Value is >= 'A' and <= 'Z' ? 0x20 : 0);
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                {
                    hash = unchecked((hash ^ (uint)c) * Prime);
                    inToken = true;
                }
                else if (inToken)
                {
                    Add(counts, hash, ref length);
                    hash = OffsetBasis;
                    inToken = false;
                }
            }
            else if (IsCjk(rune))
            {
                if (inToken)
                {
                    Add(counts, hash, ref length);
                    hash = OffsetBasis;
                    inToken = false;
                }

                if (cjkRun > 0)
                {
                    Add(counts, HashRunes(previousCjk, rune), ref length);
                }

                previousCjk = rune;
                cjkRun++;
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                var written = Rune.ToLowerInvariant(rune).EncodeToUtf8(utf8);
                for (var i = 0; i < written; i++)
                {
                    hash = unchecked((hash ^ utf8[i]) * Prime);
                }

                inToken = true;
            }
            else if (inToken)
            {
                Add(counts, hash, ref length);
                hash = OffsetBasis;
                inToken = false;
            }
        }

        if (cjkRun > 0)
        {
            EndCjkRun(counts, previousCjk, ref cjkRun, ref length);
        }

        if (inToken)
        {
            Add(counts, hash, ref length);
        }

        return counts;
    }

    private static void Add(Dictionary<uint, int> counts, uint hash, ref int length)
    {
        length++;
        counts[hash] = counts.GetValueOrDefault(hash) + 1;
    }

    private static (uint[] Indices, float[] Values) Build(Dictionary<uint, int> counts, Func<int, float> weight)
    {
        var indices = counts.Keys.ToArray();
        Array.Sort(indices); // Qdrant accepts any order; sorted keeps requests deterministic.
        return (indices, [.. indices.Select(i => weight(counts[i]))]);
    }

    private const uint OffsetBasis = 2166136261u;

    private const uint Prime = 16777619u;
}
