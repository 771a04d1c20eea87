using ChatRag.Ingestion.Model;

namespace ChatRag.Ingestion.Pipeline;

/// <summary>MIME types of the formats ingestion reads, for stored originals served back to users.</summary>
public static class ContentTypes
{
    /// <summary>The MIME type of a detected format.</summary>
    public static string Of(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentKind.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        DocumentKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        DocumentKind.Html => "text/html",
        DocumentKind.Markdown => "text/markdown",
        DocumentKind.Csv => "text/csv",
        DocumentKind.Png => "image/png",
        DocumentKind.Jpeg => "image/jpeg",
        DocumentKind.Tiff => "image/tiff",
        DocumentKind.WebP => "image/webp",
        _ => "text/plain",
    };
}
