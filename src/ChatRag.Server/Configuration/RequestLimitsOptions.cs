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

    /// <summary>Most files one upload request may carry; one more and the whole request is refused (413), nothing kept.</summary>
    [Range(1, 100_000)]
    public int MaxFilesPerUpload { get; set; } = 1_000;

    /// <summary>Documents per page of <c>GET /api/v1/documents</c> when the request sets no <c>limit</c>.</summary>
    [Range(1, 10_000)]
    public int DocumentsPageSize { get; set; } = 100;

    /// <summary>Largest <c>limit</c> a documents list request may ask for.</summary>
    [Range(1, 10_000)]
    public int MaxDocumentsPageSize { get; set; } = 1_000;
}
