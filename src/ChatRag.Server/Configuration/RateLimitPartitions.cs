using ChatRag.Server.Security;

namespace ChatRag.Server.Configuration;

/// <summary>Whose bucket a rate-limited request counts against; shared by every limiter so all of them agree.</summary>
public static class RateLimitPartitions
{
    /// <summary>The caller's API key id (names can repeat), else (anonymous mode) the client address.</summary>
    public static string CallerPartitionKey(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.RequestServices.GetRequiredService<CallerScope>().KeyId is { } id
            ? "key:" + id.ToString("N")
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
