using Grpc.Core;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>Retries a call on gRPC statuses that mean "try again later", with exponential backoff and jitter.</summary>
internal sealed class TransientRetry(int retryCount, TimeSpan baseDelay, Action<string, StatusCode> onRetry)
{
    public static bool IsTransient(StatusCode status) =>
        status is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted;

    public async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e) when (IsTransient(e.StatusCode) && attempt < retryCount && !cancellationToken.IsCancellationRequested)
            {
                onRetry(operation, e.StatusCode);
                await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task RunAsync(string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync<bool>(operation, async ct =>
        {
            await call(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private TimeSpan Backoff(int attempt)
    {
        // Full jitter keeps several servers that lost Qdrant together from retrying in lockstep.
        var ceiling = baseDelay.TotalMilliseconds * Math.Pow(2, attempt);
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
#pragma warning restore CA5394
    }
}
