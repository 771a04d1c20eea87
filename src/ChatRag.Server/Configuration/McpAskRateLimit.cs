using System.Threading.RateLimiting;
using ChatRag.Mcp;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Configuration;

/// <summary>
/// The chat rate limit (<see cref="ChatRateLimitOptions"/>, per key id or client address) for the MCP <c>ask</c> tool.
/// The route-level limiter cannot tell an <c>ask</c> from a <c>search_documents</c> inside a JSON-RPC body, so
/// <c>/mcp</c> keeps its own window of the same size, checked when the tool runs.
/// </summary>
internal sealed class McpAskRateLimit(McpAskRateLimit.Limiter limiter, IHttpContextAccessor accessor) : IAskRateLimit
{
    public bool TryAcquire()
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("An MCP ask over HTTP runs inside its request.");
        using var lease = limiter.Partitions.AttemptAcquire(RateLimitPartitions.CallerPartitionKey(http));
        return lease.IsAcquired;
    }

    /// <summary>The partitioned limiter, one for the server's lifetime.</summary>
    internal sealed class Limiter(IOptions<ChatRateLimitOptions> options) : IDisposable
    {
        public PartitionedRateLimiter<string> Partitions { get; } = PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.PermitLimit,
                Window = TimeSpan.FromSeconds(options.Value.WindowSeconds),
                QueueLimit = 0,
            }));

        public void Dispose() => Partitions.Dispose();
    }
}
