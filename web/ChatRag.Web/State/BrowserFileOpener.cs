using Microsoft.JSInterop;

namespace ChatRag.Web.State;

/// <summary>
/// <see cref="IFileOpener"/> through <c>js/chatrag.js</c>: a plain link cannot carry the <c>X-Api-Key</c> header, so the
/// script fetches the file with it and opens or saves a blob URL (with <c>#page=n</c>, which browser PDF viewers honour).
/// The script, not the server, decides what may open: a blob URL runs in our origin, so only PDF, plain text and raster
/// images open inline under a type the script sets; anything else is saved as <c>application/octet-stream</c>.
/// </summary>
public sealed class BrowserFileOpener(IJSRuntime js, IBrowserStorage storage) : IFileOpener
{
    /// <inheritdoc />
    public async ValueTask OpenAsync(Guid documentId, string name, int? page) =>
        await js.InvokeVoidAsync("chatrag.openFile", $"api/v1/documents/{documentId}/file", await storage.GetApiKeyAsync(), page, name);

    /// <inheritdoc />
    public async ValueTask DownloadAsync(Guid documentId, string name) =>
        await js.InvokeVoidAsync("chatrag.downloadFile", $"api/v1/documents/{documentId}/file", await storage.GetApiKeyAsync(), name);

    /// <inheritdoc />
    public async ValueTask ExportConversationAsync(Guid conversationId, string format) =>
        await js.InvokeVoidAsync(
            "chatrag.downloadFile", $"api/v1/conversations/{conversationId}/export?format={format}", await storage.GetApiKeyAsync(), $"conversation-{conversationId:N}.{format}");
}
