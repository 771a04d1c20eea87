using System.Numerics.Tensors;

namespace ChatRag.TestKit.VectorIndex;

/// <summary>Deterministic, L2-normalised random vectors, so vector-index tests are reproducible.</summary>
public sealed class SeededVectors(int seed, int dimensions)
{
    private readonly Random random = new(seed);

    /// <summary>Vector length.</summary>
    public int Dimensions { get; } = dimensions;

    /// <summary>A fresh unit vector with gaussian components (uniform on the sphere).</summary>
    public float[] Next()
    {
        var v = new float[Dimensions];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)Gaussian();
        }

        return Normalize(v);
    }

    /// <summary>A unit vector near <paramref name="center"/>: the centre plus gaussian noise of the given size, renormalised.</summary>
    public float[] Near(ReadOnlySpan<float> center, double noise)
    {
        var v = new float[Dimensions];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = center[i] + (float)(Gaussian() * noise);
        }

        return Normalize(v);
    }

    /// <summary>Scales a vector to unit length in place and returns it.</summary>
    public static float[] Normalize(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    private double Gaussian()
    {
        // Box-Muller: two uniforms give one standard normal.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
