namespace ChatRag.Web.State;

/// <summary>Opens or downloads a document's original file (<c>GET /api/v1/documents/{id}/file</c>) with the API key.</summary>
public interface IFileOpener
{
    /// <summary>
    /// Opens the file in a new tab, at <paramref name="page"/> when the format has pages (PDF), if its type is safe to
    /// render (PDF, plain text, raster images); any other type (HTML, SVG, XML, unknown) is saved under <paramref name="name"/>.
    /// </summary>
    ValueTask OpenAsync(Guid documentId, string name, int? page);

    /// <summary>Saves the file under <paramref name="name"/>.</summary>
    ValueTask DownloadAsync(Guid documentId, string name);

    /// <summary>Saves a conversation export (<c>GET /api/v1/conversations/{id}/export</c>) in <paramref name="format"/> (<c>md</c> or <c>json</c>).</summary>
    ValueTask ExportConversationAsync(Guid conversationId, string format);
}
