using System.ComponentModel.DataAnnotations;

namespace ChatRag.Server.Configuration;

/// <summary>Per-caller chat rate limit (section <c>ChatRag:RateLimit</c>): a fixed window per API key id, or per client address without keys.</summary>
public sealed class ChatRateLimitOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:RateLimit";

    /// <summary>Chat requests allowed per window and caller.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 60;

    /// <summary>Window length in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}
