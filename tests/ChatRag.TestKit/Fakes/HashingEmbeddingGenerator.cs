using ChatRag.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace ChatRag.TestKit.Fakes;

/// <summary>
/// A deterministic bag-of-words encoder: each lower-cased word hashes to a dimension. Texts sharing words are close,
/// which is enough to test the plumbing around a real encoder. Counts calls and records purposes.
/// </summary>
public sealed class HashingEmbeddingGenerator(int dimensions = 64) : IEmbeddingGenerator<string, Embedding<float>>, ITokenCounter
{
    public int Calls { get; private set; }

    public List<string> Purposes { get; } = [];

    public int MaxTokens => 512;

    public int CountTokens(string text) => Words(text).Length;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        Purposes.Add(EmbeddingPurpose.Of(options));
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            var vector = new float[dimensions];
            foreach (var word in Words(value))
            {
                vector[(int)((uint)StableHash(word) % (uint)dimensions)] += 1f;
            }

            var norm = MathF.Sqrt(vector.Sum(v => v * v));
            if (norm > 0)
            {
                for (var i = 0; i < vector.Length; i++)
                {
                    vector[i] /= norm;
                }
            }

            result.Add(new Embedding<float>(vector));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split([' ', '\n', '\t', '.', ',', '?', '!', ';', ':'], StringSplitOptions.RemoveEmptyEntries);

    private static int StableHash(string s)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var c in s)
            {
                h = (h ^ c) * 16777619;
            }

            return h;
        }
    }
}
