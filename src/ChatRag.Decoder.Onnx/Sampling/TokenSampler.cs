namespace ChatRag.Decoder.Onnx.Sampling;

/// <summary>
/// Picks tokens from logits: repetition penalty, then argmax (greedy) or temperature, top-k, top-p and a seeded
/// draw. One sampler per generation, so a seed reproduces a whole sequence.
/// </summary>
public sealed class TokenSampler
{
    private readonly SamplingOptions options;
    private readonly Random random;
    private readonly HashSet<int> seen = [];
    private int[] order = [];
    private float[] keys = [];

    /// <summary>Creates a sampler for one generation.</summary>
    public TokenSampler(SamplingOptions options)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        random = options.Seed is { } seed ? new Random(seed) : new Random();
    }

    /// <summary>Chooses the next token. <paramref name="logits"/> is modified in place.</summary>
    /// <param name="logits">The last position's logits.</param>
    /// <param name="context">Prompt and generated tokens so far (for the repetition penalty).</param>
    public int Sample(Span<float> logits, IReadOnlyList<int> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.RepetitionPenalty != 1f)
        {
            ApplyRepetitionPenalty(logits, context);
        }

        return options.IsGreedy ? ArgMax(logits) : Draw(logits);
    }

    /// <summary>Index of the largest value (the first one on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private void ApplyRepetitionPenalty(Span<float> logits, IReadOnlyList<int> context)
    {
        seen.Clear();
        foreach (var id in context)
        {
            if ((uint)id < (uint)logits.Length && seen.Add(id))
            {
                logits[id] = logits[id] > 0 ? logits[id] / options.RepetitionPenalty : logits[id] * options.RepetitionPenalty;
            }
        }
    }

    private int Draw(Span<float> logits)
    {
        var n = logits.Length;
        var temperature = options.Temperature;
        var max = logits[ArgMax(logits)];

        // Only tokens within epsilon of the best can matter: every other token has probability below
        // exp(-epsilon / T) times the best one's, so all of them together hold under 1e-7 of the mass. Sorting just
        // these candidates instead of a 150k vocabulary keeps sampling well under a millisecond per token.
        var epsilon = temperature * MathF.Log(n * 1e7f);
        if (order.Length != n)
        {
            order = new int[n];
            keys = new float[n];
        }

        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (logits[i] >= max - epsilon)
            {
                order[count] = i;
                keys[count] = -logits[i]; // ascending sort of negated logits = most likely first
                count++;
            }
        }

        Array.Sort(keys, order, 0, count);
        var keep = options.TopK > 0 ? Math.Min(options.TopK, count) : count;
        var probabilities = new double[keep];
        double total = 0;
        for (var i = 0; i < keep; i++)
        {
            probabilities[i] = Math.Exp((-keys[i] - max) / temperature);
            total += probabilities[i];
        }

        // Top-p: cut after the cumulative probability reaches p (always keeping the first token).
        if (options.TopP < 1f)
        {
            double cumulative = 0;
            for (var i = 0; i < keep; i++)
            {
                cumulative += probabilities[i] / total;
                if (cumulative >= options.TopP)
                {
                    keep = i + 1;
                    break;
                }
            }

            total = 0;
            for (var i = 0; i < keep; i++)
            {
                total += probabilities[i];
            }
        }

        var target = random.NextDouble() * total;
        for (var i = 0; i < keep; i++)
        {
            target -= probabilities[i];
            if (target <= 0)
            {
                return order[i];
            }
        }

        return order[keep - 1];
    }
}
