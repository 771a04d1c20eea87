using ChatRag.Contracts.Documents;

namespace ChatRag.Web.Pages;

/// <content>
/// Deleting a document with a few seconds of undo: it leaves the list at once and is deleted on the server only when
/// the undo time is over, so a slip of the finger costs nothing. A second delete commits the first straight away.
/// </content>
public partial class DocumentsPage
{
    private DocumentDetails? pending;
    private CancellationTokenSource? undo;

    /// <summary>How long a deleted document can be brought back; five seconds by default (tests pass a wait they release themselves).</summary>
    [Microsoft.AspNetCore.Components.Parameter]
    public Func<CancellationToken, Task> UndoWait { get; set; } = ct => Task.Delay(TimeSpan.FromSeconds(5), ct);

    private IReadOnlyList<DocumentDetails> Listed => pending is null ? documents : documents.Where(d => d.Id != pending.Id).ToList();

    private async Task DeleteAsync(DocumentDetails document)
    {
        if (pending is { } earlier)
        {
            await undo!.CancelAsync();
            await CommitAsync(earlier);
        }

        pending = document;
        undo = new CancellationTokenSource();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(undo.Token, disposed.Token);
        var left = false;
        try
        {
            await UndoWait(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Undone, or committed by a newer delete: nothing more to do. Leaving the page is no undo: delete then.
            if (!disposed.IsCancellationRequested)
            {
                return;
            }

            left = true;
        }

        if (pending?.Id != document.Id)
        {
            return;
        }

        if (left)
        {
            pending = null;
            await Api.DeleteDocumentAsync(document.Id);
            return;
        }

        await CommitAsync(document);
    }

    private async Task CommitAsync(DocumentDetails document)
    {
        pending = null;
        await RunAsync(() => Api.DeleteDocumentAsync(document.Id));
    }

    private void Undo()
    {
        undo?.Cancel();
        pending = null;
    }
}
