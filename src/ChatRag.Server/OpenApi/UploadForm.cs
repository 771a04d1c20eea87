namespace ChatRag.Server.OpenApi;

/// <summary>
/// The multipart form of <c>POST /api/v1/documents</c>, for the OpenAPI document only: the endpoint streams the body
/// section by section and never binds it to this record.
/// </summary>
/// <param name="File">One or more files (repeat the field): PDF, Word, PowerPoint, Excel, HTML, Markdown, CSV or plain text, and PNG, JPEG, TIFF or WebP images when OCR is available; the type is detected from the content. At most `ChatRag:Limits:MaxUploadBytes` in all and `MaxFilesPerUpload` files.</param>
/// <param name="Collection">The collection to add them to; the default collection (or the key's collection) when omitted. At most 200 characters.</param>
public sealed record UploadForm(IFormFileCollection File, string? Collection = null);
