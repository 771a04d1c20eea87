using Microsoft.Extensions.AI;

namespace ChatRag.TestKit.Fakes;

/// <summary>
/// Wraps an encoder so a test decides when each call may proceed: every call signals <see cref="WaitEnteredAsync"/>
/// and then waits, ignoring cancellation (as a hung native call would), until <see cref="Release"/>. Lets a test
/// interleave two ingestion runs deterministically, or make one hang.
/// </summary>
public sealed class GatedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly SemaphoreSlim entered = new(0);
    private readonly SemaphoreSlim gate = new(0);

    /// <summary>Completes when a call has reached the gate (one call per completion).</summary>
    public async Task WaitEnteredAsync()
    {
        if (!await entered.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false))
        {
            throw new TimeoutException("No call reached the gate.");
        }
    }

    /// <summary>Lets <paramref name="calls"/> waiting or future calls through.</summary>
    public void Release(int calls = 1) => gate.Release(calls);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        entered.Release();
        await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        return await inner.GenerateAsync(texts, options, cancellationToken).ConfigureAwait(false);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : inner.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        entered.Dispose();
        gate.Dispose();
    }
}
