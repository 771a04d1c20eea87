using ChatRag.Web.State;

namespace ChatRag.Web.Pages;

/// <content>
/// The one poller of the page: uploads, re-indexing and documents queued elsewhere (the CLI) all show the status of this
/// list, so the upload rows and the document rows can never disagree. A tick asks only about the documents still
/// queued or processing (<see cref="InProgressDocuments"/>), not the whole list.
/// </content>
public partial class DocumentsPage
{
    private bool polling;

    /// <summary>Waits between status polls; one second by default (tests pass a wait they release themselves).</summary>
    [Microsoft.AspNetCore.Components.Parameter]
    public Func<CancellationToken, Task> PollWait { get; set; } = ct => Task.Delay(TimeSpan.FromSeconds(1), ct);

    private void StartPolling()
    {
        if (!polling && documents.Any(InProgressDocuments.InProgress))
        {
            _ = PollAsync();
        }
    }

    private async Task PollAsync()
    {
        polling = true;
        try
        {
            while (!disposed.IsCancellationRequested && documents.Any(InProgressDocuments.InProgress))
            {
                await PollWait(disposed.Token);
                await RefreshInProgressAsync();
                StateHasChanged();
            }
        }
        catch (OperationCanceledException)
        {
            // Left the page.
        }
        finally
        {
            polling = false;
        }
    }

    private async Task RefreshInProgressAsync()
    {
        var refresh = await InProgressDocuments.RefreshAsync(Api, () => documents, disposed.Token);
        documents = refresh.Documents;
        if (refresh.Problem is { } problem)
        {
            error = problem;
        }

        if (refresh.AnyDeleted)
        {
            await State.RefreshCollectionsAsync();
        }
    }
}
