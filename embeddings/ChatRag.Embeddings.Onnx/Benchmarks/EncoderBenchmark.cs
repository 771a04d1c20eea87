using System.Diagnostics;
using System.Text;
using ChatRag.Core.Embeddings;
using ChatRag.Embeddings.Onnx.Runtime;
using Microsoft.Extensions.AI;

namespace ChatRag.Embeddings.Onnx.Benchmarks;

/// <summary>Measures an embedding generator's throughput over a grid of batch sizes and sequence lengths.</summary>
public static class EncoderBenchmark
{
    // Common English words that are one WordPiece each in BERT's uncased vocabulary, so N words give N tokens.
    private static readonly string[] Words =
    [
        "the", "data", "model", "cell", "protein", "study", "result", "water", "energy", "system", "patient", "time",
        "level", "light", "group", "effect", "change", "growth", "human", "number", "power", "small", "large", "high",
    ];

    /// <summary>
    /// For every batch size and length: one warm-up call, then <paramref name="runs"/> timed calls on passages
    /// (no prefix) of exactly that many tokens; returns one row per pair.
    /// </summary>
    public static async Task<IReadOnlyList<EncoderBenchmarkRow>> RunAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator,
        IReadOnlyList<int> batchSizes,
        IReadOnlyList<int> tokenLengths,
        int runs = 5,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(batchSizes);
        ArgumentNullException.ThrowIfNull(tokenLengths);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var onnx = generator.GetService(typeof(OnnxEmbeddingGenerator)) as OnnxEmbeddingGenerator;
        var options = EmbeddingPurpose.ForDocument();
        var rows = new List<EncoderBenchmarkRow>();
        foreach (var length in tokenLengths)
        {
            foreach (var batch in batchSizes)
            {
                var texts = Enumerable.Range(0, batch).Select(i => Passage(length, i)).ToArray();
                var tokens = onnx is null ? (long)batch * length : onnx.Tokenize(texts, EmbeddingPurpose.Document).Sum(s => (long)s.Length);
                await generator.GenerateAsync(texts, options, cancellationToken).ConfigureAwait(false);
                var times = new double[runs];
                for (var r = 0; r < runs; r++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await generator.GenerateAsync(texts, options, cancellationToken).ConfigureAwait(false);
                    times[r] = Stopwatch.GetElapsedTime(started).TotalSeconds;
                }

                Array.Sort(times);
                var median = runs % 2 == 1 ? times[runs / 2] : (times[(runs / 2) - 1] + times[runs / 2]) / 2;
                rows.Add(new EncoderBenchmarkRow(batch, length, batch / median, tokens / median, median * 1000, runs));
            }
        }

        return rows;
    }

    /// <summary>A passage of <paramref name="tokens"/> tokens ([CLS] and [SEP] included), varied by <paramref name="seed"/>.</summary>
    public static string Passage(int tokens, int seed)
    {
        var builder = new StringBuilder();
        for (var w = 0; w < Math.Max(1, tokens - 2); w++)
        {
            if (w > 0)
            {
                builder.Append(' ');
            }

            builder.Append(Words[((w * 7) + (seed * 13) + (w * seed)) % Words.Length]);
        }

        return builder.ToString();
    }
}
