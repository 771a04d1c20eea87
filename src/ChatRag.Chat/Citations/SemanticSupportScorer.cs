using ChatRag.Chat.Text;
using ChatRag.TextAnalysis.Sentences;
using ChatRag.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace ChatRag.Chat.Citations;

/// <summary>
/// Embedding support signal for citations: the cosine between a cited sentence (embedded as a query) and the best
/// window of the cited passage (each sentence, and each pair of neighbouring sentences, embedded as passages).
/// Catches paraphrases that share few words with the passage, which the lexical score misses.
/// </summary>
public sealed class SemanticSupportScorer(IEmbeddingGenerator<string, Embedding<float>> generator)
{
    // A long chunk still gets a bounded cost; the first windows are kept (claims usually cite the gist, near the start).
    private const int MaxWindowsPerPassage = 40;

    /// <summary>The best-window cosine for each (claim, passage) pair, in order.</summary>
    public async Task<IReadOnlyList<double>> ScoreAsync(IReadOnlyList<(string Claim, string Passage)> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            return [];
        }

        // A sentence citing several sources ("[1, 2]") comes once per source: it is embedded once.
        var claimTexts = pairs.Select(p => p.Claim).Distinct(StringComparer.Ordinal).ToList();
        var claimVectors = await generator.GenerateAsync(claimTexts, EmbeddingPurpose.ForQuery(), cancellationToken).ConfigureAwait(false);
        var claims = claimTexts.Select((c, i) => (c, claimVectors[i])).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);
        var passages = pairs.Select(p => p.Passage).Distinct(StringComparer.Ordinal).ToList();
        var windows = passages.ToDictionary(p => p, Windows, StringComparer.Ordinal);
        var flat = windows.Values.SelectMany(w => w).ToList();
        var vectors = await generator.GenerateAsync(flat, EmbeddingPurpose.ForDocument(), cancellationToken).ConfigureAwait(false);

        var byPassage = new Dictionary<string, Embedding<float>[]>(StringComparer.Ordinal);
        var next = 0;
        foreach (var passage in passages)
        {
            byPassage[passage] = [.. vectors.Skip(next).Take(windows[passage].Count)];
            next += windows[passage].Count;
        }

        return [.. pairs.Select(p => byPassage[p.Passage].Max(w => VectorMath.Cosine(claims[p.Claim].Vector.Span, w.Vector.Span)))];
    }

    /// <summary>Each sentence of the passage and each pair of neighbouring sentences (the whole passage when it has one).</summary>
    public static IReadOnlyList<string> Windows(string passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var sentences = SentenceSplitter.Split(passage).Select(s => s.Text).Where(s => s.Length > 0).ToList();
        if (sentences.Count <= 1)
        {
            return [passage];
        }

        var windows = new List<string>(sentences);
        for (var i = 0; i + 1 < sentences.Count; i++)
        {
            windows.Add(sentences[i] + " " + sentences[i + 1]);
        }

        return windows.Take(MaxWindowsPerPassage).ToList();
    }
}
