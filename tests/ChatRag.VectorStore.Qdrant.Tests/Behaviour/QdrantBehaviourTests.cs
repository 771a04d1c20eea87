using ChatRag.Core.Indexing;

namespace ChatRag.VectorStore.Qdrant.Tests.Behaviour;

/// <summary>
/// What the adapter relies on Qdrant for, written once and run against the in-memory Qdrant always and against a real one
/// when <c>CHATRAG_QDRANT_URL</c> is set (<see cref="RealQdrantBehaviourTests"/>): so the fake cannot agree with the adapter
/// where the server would not. Only observable results are asserted here (ids, scores, errors), never request shapes.
/// </summary>
public abstract partial class QdrantBehaviourTests : IAsyncLifetime
{
    protected const string Space = "behaviour";

    private readonly List<IDisposable> opened = [];

    /// <summary>The Qdrant under test.</summary>
    protected abstract IQdrantClient Server { get; }

    /// <summary>Collection prefix of this test: unique per test on a shared real server.</summary>
    protected abstract string Prefix { get; }

    /// <summary>Options pointing at <see cref="Server"/>, before the test's own changes.</summary>
    protected abstract QdrantOptions BaseOptions();

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task DisposeAsync()
    {
        opened.ForEach(d => d.Dispose());
        return Task.CompletedTask;
    }

    /// <summary>An adapter over <see cref="Server"/> (not yet ensured).</summary>
    protected QdrantVectorIndex Create(Action<QdrantOptions>? configure = null)
    {
        var options = BaseOptions();
        options.CollectionPrefix = Prefix;
        configure?.Invoke(options);
        var index = new QdrantVectorIndex(Server, Microsoft.Extensions.Options.Options.Create(options));
        opened.Add(index);
        return index;
    }

    /// <summary>An adapter with <see cref="Space"/> ensured at 8 dimensions.</summary>
    protected async Task<QdrantVectorIndex> OpenAsync(Action<QdrantOptions>? configure = null)
    {
        var index = Create(configure);
        await index.EnsureSpaceAsync(new VectorSpace(Space, 8));
        return index;
    }

    protected static float[] Unit(params float[] components) => QdrantTestIndex.Unit(8, components);

    protected static VectorQuery Query(int top, params string[] collections) => new(Unit(1), top, collections);
}
