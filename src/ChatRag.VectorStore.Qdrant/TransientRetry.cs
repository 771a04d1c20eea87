using Grpc.Core;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>
/// Retries a call on the failures a Qdrant cluster means as "try again later", with exponential backoff and jitter, and
/// waits at least as long as the server's <c>retry-after</c> asks. Every ChatRag call is idempotent (upserts by id,
/// deletes by filter, creates that adopt what exists), so a retry after a write that was applied but not acknowledged is safe.
/// </summary>
internal sealed class TransientRetry(int retryCount, TimeSpan baseDelay, TimeProvider time, Action<string, StatusCode> onRetry)
{
    /// <summary>Longest <c>retry-after</c> honoured; a server asking for more is reported instead of blocking the caller.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    // Qdrant's own words (lib/collection/src/shards/replica_set/update.rs, lib/storage/src/content_manager/consensus_manager.rs):
    // distributed-mode failures that Qdrant answers with Internal although a retry is expected to succeed.
    private static readonly string[] RetryableInternal = ["has no active replica", "Please retry", "Waiting for consensus operation commit failed"];

    // Set by Qdrant on ResourceExhausted when a node is out of storage (INSUFFICIENT_STORAGE_METADATA_KEY): not a rate limit.
    private const string InsufficientStorageKey = "qdrant-insufficient-storage";

    public static bool IsTransient(RpcException e) => e.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => true,
        StatusCode.ResourceExhausted => !IsOutOfStorage(e),
        StatusCode.Internal => RetryableInternal.Any(m => e.Status.Detail.Contains(m, StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    public async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e) when (IsTransient(e) && attempt < retryCount && RetryAfter(e) <= MaxRetryAfter && !cancellationToken.IsCancellationRequested)
            {
                onRetry(operation, e.StatusCode);
                await Task.Delay(Backoff(attempt, RetryAfter(e)), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task RunAsync(string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync<bool>(operation, async ct =>
        {
            await call(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Waits the backoff of a retry, for polls that are not calls (a collection that appears after consensus).</summary>
    public Task DelayAsync(int attempt, CancellationToken cancellationToken) => Task.Delay(Backoff(attempt, TimeSpan.Zero), time, cancellationToken);

    public int RetryCount => retryCount;

    private static bool IsOutOfStorage(RpcException e) =>
        e.Trailers.Get(InsufficientStorageKey) is not null
        || e.Status.Detail.Contains("Insufficient storage", StringComparison.OrdinalIgnoreCase)
        || e.Status.Detail.Contains("No space left on device", StringComparison.OrdinalIgnoreCase);

    // Qdrant sends whole seconds (rounded up) in the retry-after trailer of a rate-limited call.
    private static TimeSpan RetryAfter(RpcException e) =>
        e.Trailers.GetValue("retry-after") is { } value && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Zero;

    private TimeSpan Backoff(int attempt, TimeSpan serverAsked)
    {
        // Full jitter keeps several servers that lost Qdrant together from retrying in lockstep.
        var ceiling = baseDelay.TotalMilliseconds * Math.Pow(2, attempt);
#pragma warning disable CA5394 // Jitter, not security.
        var backoff = TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
#pragma warning restore CA5394
        return backoff > serverAsked ? backoff : serverAsked;
    }
}
