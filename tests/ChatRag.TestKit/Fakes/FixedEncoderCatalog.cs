using ChatRag.Core.Embeddings;

namespace ChatRag.TestKit.Fakes;

/// <summary>An encoder catalogue over given encoders.</summary>
public sealed class FixedEncoderCatalog(params NamedEncoder[] encoders) : IEncoderCatalog
{
    public IReadOnlyList<NamedEncoder> Encoders { get; } = encoders;

    public static FixedEncoderCatalog Hashing(string space = "hash", int dimensions = 64)
    {
        var generator = new HashingEmbeddingGenerator(dimensions);
        return new FixedEncoderCatalog(new NamedEncoder(space, dimensions, generator, generator));
    }
}
