using ChatRag.Server.Security;

namespace ChatRag.Server.Configuration;

/// <summary>Whose bucket a rate-limited request counts against; shared by every limiter so all of them agree.</summary>
public static class RateLimitPartitions
{
    /// <summary>The caller's API key, else (no keys configured) the client address.</summary>
    public static string CallerPartitionKey(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.RequestServices.GetRequiredService<CallerScope>().KeyName is { } name
            ? "key:" + name
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
