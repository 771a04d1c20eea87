using System.ComponentModel.DataAnnotations;

namespace ChatRag.Server.Configuration;

/// <summary>Request size limits (section <c>ChatRag:Limits</c>).</summary>
public sealed class RequestLimitsOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:Limits";

    /// <summary>Largest JSON request body in bytes (search, chat). Uploads have their own limit.</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public long MaxJsonBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Largest upload request in bytes (all files of one request together).</summary>
    [Range(1_024, 8L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 100 * 1024 * 1024;
}
