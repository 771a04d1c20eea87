using System.ComponentModel.DataAnnotations;

namespace ChatRag.Server.Configuration;

/// <summary>Per-caller upload rate limit (section <c>ChatRag:UploadRateLimit</c>): a fixed window per API key, or per client address without keys.</summary>
public sealed class UploadRateLimitOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:UploadRateLimit";

    /// <summary>Upload requests allowed per window and caller (the web client sends one file per request).</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 120;

    /// <summary>Window length in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}
