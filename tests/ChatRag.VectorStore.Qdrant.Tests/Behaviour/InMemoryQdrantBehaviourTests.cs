using ChatRag.VectorStore.Qdrant.Tests.Fakes;

namespace ChatRag.VectorStore.Qdrant.Tests.Behaviour;

/// <summary>The behaviour suite against the in-memory Qdrant, on every test run.</summary>
public sealed class InMemoryQdrantBehaviourTests : QdrantBehaviourTests
{
    private readonly InMemoryQdrantClient server = new();

    /// <inheritdoc />
    protected override IQdrantClient Server => server;

    /// <inheritdoc />
    protected override string Prefix => "chatrag_";

    /// <inheritdoc />
    protected override QdrantOptions BaseOptions() => new() { RetryBaseDelay = TimeSpan.Zero };
}
