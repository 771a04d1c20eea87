using ChatRag.Contracts.Health;
using ChatRag.Ingestion.Limits;
using ChatRag.Server.Configuration;

namespace ChatRag.Server.Endpoints;

/// <summary>The file types the ingestion readers handle, as <c>/api/v1/status</c> announces them to upload forms.</summary>
public static class UploadTypes
{
    private static readonly string[] Extensions =
        [".pdf", ".docx", ".pptx", ".xlsx", ".html", ".htm", ".md", ".markdown", ".txt", ".csv", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp"];

    private static readonly string[] Names =
        ["PDF", "Word (.docx)", "PowerPoint (.pptx)", "Excel (.xlsx)", "HTML", "Markdown", "plain text", "CSV", "images (PNG, JPEG, TIFF, WebP)"];

    /// <summary>The policy under the configured limits: one file can be no larger than the whole request either.</summary>
    public static UploadPolicy Policy(IngestionLimitsOptions ingestion, RequestLimitsOptions request)
    {
        ArgumentNullException.ThrowIfNull(ingestion);
        ArgumentNullException.ThrowIfNull(request);
        return new UploadPolicy(Math.Min(ingestion.MaxFileBytes, request.MaxUploadBytes), request.MaxUploadBytes, Extensions, Names);
    }
}
