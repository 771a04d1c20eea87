namespace ChatRag.Storage.Sqlite.Lexical.Rescoring;

/// <summary>One candidate chunk: its stored analysed terms in order, the first <paramref name="TitleTerms"/> of them its first line's.</summary>
public sealed record RescoringCandidate(long ChunkId, IReadOnlyList<string> Terms, int TitleTerms);

/// <summary>
/// Collection statistics the scores need: chunk count, and average title, body and whole lengths in terms. The whole
/// length counts the scope token as FTS5's BM25 does (terms + 1), so the proximity part normalises like the engines.
/// </summary>
public sealed record RescoringStatistics(long Chunks, double AverageTitle, double AverageBody, double AverageLength);

/// <summary>
/// BM25F over two fields (first line, rest) with one saturation, plus BM25TP's term-pair proximity bonus: the scoring
/// that <c>bench/lexical-variants/variants.py</c> measured offline (<c>bm25f+tp</c>), on the same stored terms.
/// </summary>
/// <remarks>IDF is FTS5's: <c>ln((N - n + 0.5) / (n + 0.5))</c>, floored at 1e-6, so both engines' term weights carry over.</remarks>
public static class FieldProximityScorer
{
    /// <summary>Scores and orders <paramref name="candidates"/> (best first; ties by chunk id) for the distinct <paramref name="queryTerms"/>.</summary>
    /// <param name="documentFrequency">Chunks holding a term, over the whole index (as FTS5's IDF counts them).</param>
    public static IReadOnlyList<(long ChunkId, double Score)> Rank(
        IReadOnlyList<RescoringCandidate> candidates,
        IReadOnlyList<string> queryTerms,
        Func<string, long> documentFrequency,
        RescoringStatistics statistics,
        LexicalRescoring settings)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(queryTerms);
        ArgumentNullException.ThrowIfNull(documentFrequency);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(settings);
        var terms = queryTerms.Distinct(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        var idf = new double[terms.Length];
        for (var t = 0; t < terms.Length; t++)
        {
            index[terms[t]] = t;
            idf[t] = Idf(statistics.Chunks, documentFrequency(terms[t]));
        }

        var scored = new (long ChunkId, double Score)[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            scored[c] = (candidates[c].ChunkId, Score(candidates[c], index, idf, statistics, settings));
        }

        Array.Sort(scored, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.ChunkId.CompareTo(b.ChunkId));
        return scored;
    }

    /// <summary>FTS5's IDF: a term in more than half the chunks would be negative, and gets a tiny positive weight instead.</summary>
    public static double Idf(long chunks, long frequency)
    {
        var value = Math.Log((chunks - frequency + 0.5) / (frequency + 0.5));
        return value > 0 ? value : 1e-6;
    }

    private static double Score(RescoringCandidate candidate, Dictionary<string, int> index, double[] idf, RescoringStatistics statistics, LexicalRescoring settings)
    {
        // Positions of each query term in the chunk; the first TitleTerms positions are the title field.
        var positions = new List<int>?[idf.Length];
        var titleCount = new int[idf.Length];
        var title = Math.Min(candidate.TitleTerms, candidate.Terms.Count);
        for (var i = 0; i < candidate.Terms.Count; i++)
        {
            if (index.TryGetValue(candidate.Terms[i], out var t))
            {
                (positions[t] ??= []).Add(i);
                if (i < title)
                {
                    titleCount[t]++;
                }
            }
        }

        var k1 = settings.K1;
        var titleNorm = title == 0 ? 0 : 1 - settings.TitleB + (settings.TitleB * title / Math.Max(statistics.AverageTitle, 1e-9));
        // At BodyB 1 a chunk that is only its first line has a body norm of 0 (and no body terms): keep it above 0.
        var bodyNorm = Math.Max(1 - settings.BodyB + (settings.BodyB * (candidate.Terms.Count - title) / Math.Max(statistics.AverageBody, 1e-9)), 1e-9);
        var score = 0.0;
        for (var t = 0; t < idf.Length; t++)
        {
            if (positions[t] is not { } found)
            {
                continue;
            }

            var titlePart = title == 0 ? 0 : titleCount[t] / titleNorm;
            var bodyPart = (found.Count - titleCount[t]) / bodyNorm;
            var f = (settings.TitleWeight * titlePart) + bodyPart;
            score += idf[t] * f * (k1 + 1) / (f + k1);
        }

        return settings.ProximityWeight > 0 ? score + (settings.ProximityWeight * Proximity(candidate, positions, idf, statistics, settings)) : score;
    }

    // BM25TP: each pair of distinct query terms at distance d (0 < d <= window) adds 1/d² to both terms' pair weight,
    // which then saturates like a term frequency over the whole chunk's length, weighted by min(1, idf). Each position
    // looks back over the window only, so a chunk repeating the query's words costs O(length × window), not the
    // product of the terms' position lists.
    private static double Proximity(RescoringCandidate candidate, List<int>?[] positions, double[] idf, RescoringStatistics statistics, LexicalRescoring settings)
    {
        var termAt = new int[candidate.Terms.Count];
        Array.Fill(termAt, -1);
        for (var t = 0; t < positions.Length; t++)
        {
            foreach (var i in positions[t] ?? [])
            {
                termAt[i] = t;
            }
        }

        var accumulated = new double[idf.Length];
        for (var i = 0; i < termAt.Length; i++)
        {
            if (termAt[i] < 0)
            {
                continue;
            }

            for (var gap = 1; gap <= settings.ProximityWindow && gap <= i; gap++)
            {
                var other = termAt[i - gap];
                if (other >= 0 && other != termAt[i])
                {
                    var weight = 1.0 / (gap * gap);
                    accumulated[termAt[i]] += weight;
                    accumulated[other] += weight;
                }
            }
        }

        var norm = settings.K1 * (1 - settings.BodyB + (settings.BodyB * (candidate.Terms.Count + 1) / Math.Max(statistics.AverageLength, 1e-9)));
        var sum = 0.0;
        for (var t = 0; t < accumulated.Length; t++)
        {
            if (accumulated[t] > 0)
            {
                sum += Math.Min(1.0, idf[t]) * accumulated[t] * (settings.K1 + 1) / (accumulated[t] + norm);
            }
        }

        return sum;
    }
}
