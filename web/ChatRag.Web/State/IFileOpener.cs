namespace ChatRag.Web.State;

/// <summary>Opens or downloads a document's original file (<c>GET /api/v1/documents/{id}/file</c>) with the API key.</summary>
public interface IFileOpener
{
    /// <summary>Opens the file in a new tab, at <paramref name="page"/> when the format has pages (PDF).</summary>
    ValueTask OpenAsync(Guid documentId, int? page);

    /// <summary>Saves the file under <paramref name="name"/>.</summary>
    ValueTask DownloadAsync(Guid documentId, string name);
}
