using ChatRag.Web.State;

namespace ChatRag.Web.Tests.Fakes;

internal sealed class FakeFileOpener : IFileOpener
{
    public List<string> Calls { get; } = [];

    public ValueTask OpenAsync(Guid documentId, string name, int? page)
    {
        Calls.Add($"open {documentId} {name} page {page}");
        return ValueTask.CompletedTask;
    }

    public ValueTask DownloadAsync(Guid documentId, string name)
    {
        Calls.Add($"download {documentId} {name}");
        return ValueTask.CompletedTask;
    }

    public ValueTask ExportConversationAsync(Guid conversationId, string format)
    {
        Calls.Add($"export {conversationId} {format}");
        return ValueTask.CompletedTask;
    }
}
