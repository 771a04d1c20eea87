namespace ChatRag.VectorStore.Embedded.Benchmarks;

/// <summary>
/// Synthetic embeddings with the structure of real ones. Uniform random unit vectors are a poor stand-in: in 384
/// dimensions they are all nearly orthogonal (cosine ~ N(0, 1/384)), so a "nearest" neighbour is barely nearer than
/// the rest. That is the worst case for a graph index and nothing like text embeddings, which share a common direction
/// (cosines of unrelated texts sit around 0.2-0.5), group by topic, and spread unevenly across dimensions.
/// So each vector is: a shared mean direction + one of many topic centres (Zipf-sized topics) + anisotropic noise
/// whose per-dimension scale decays with a power law, then L2-normalised. Queries are fresh draws, not stored vectors.
/// </summary>
internal sealed class ClusteredVectors
{
    private readonly Random random;
    private readonly int dimensions;
    private readonly float[] mean;
    private readonly float[][] centres;
    private readonly float[] noiseScale;
    private readonly double[] topicCumulative;

    public ClusteredVectors(int seed, int dimensions, int topics)
    {
        random = new Random(seed);
        this.dimensions = dimensions;
        mean = Gaussian(1.0);
        centres = [.. Enumerable.Range(0, topics).Select(_ => Gaussian(1.0))];
        noiseScale = [.. Enumerable.Range(0, dimensions).Select(d => (float)Math.Pow(d + 1, -0.35))];
        // Zipf topic sizes: a few big topics, a long tail of small ones, as in real corpora.
        var weights = Enumerable.Range(1, topics).Select(r => 1.0 / r).ToArray();
        var total = weights.Sum();
        topicCumulative = new double[topics];
        var running = 0.0;
        for (var t = 0; t < topics; t++)
        {
            running += weights[t] / total;
            topicCumulative[t] = running;
        }
    }

    /// <summary>Fills <paramref name="into"/> with a new unit vector.</summary>
    public void Next(Span<float> into)
    {
        var topic = Array.BinarySearch(topicCumulative, random.NextDouble());
        var centre = centres[Math.Min(topic < 0 ? ~topic : topic, centres.Length - 1)];
        double norm = 0;
        for (var d = 0; d < dimensions; d++)
        {
            var value = (0.6f * mean[d]) + (0.8f * centre[d]) + (noiseScale[d] * 1.6f * (float)NextGaussian());
            into[d] = value;
            norm += value * value;
        }

        var inverse = (float)(1.0 / Math.Sqrt(norm));
        for (var d = 0; d < dimensions; d++)
        {
            into[d] *= inverse;
        }
    }

    private float[] Gaussian(double scale)
    {
        var v = new float[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            v[d] = (float)(NextGaussian() * scale / Math.Sqrt(dimensions) * 8);
        }

        return v;
    }

    private double NextGaussian()
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
