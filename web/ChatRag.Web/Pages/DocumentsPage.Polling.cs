using ChatRag.Web.Api;
using ChatRag.Web.State;

namespace ChatRag.Web.Pages;

/// <content>
/// The one poller of the page: uploads, re-indexing and documents queued elsewhere (the CLI) all show the status of this
/// list, so the upload rows and the document rows can never disagree. A tick asks only about the documents still
/// queued or processing (<see cref="InProgressDocuments"/>), not the whole list.
/// </content>
public partial class DocumentsPage
{
    private InProgressPoller? poller;

    // The banner of a poll failure, kept while the failures go on: replaced on each tick, it would come back every second
    // once dismissed, and it would read as a new failure each time.
    private ApiProblem? pollProblem;

    /// <summary>Waits between status polls; one second by default (tests pass a wait they release themselves).</summary>
    [Microsoft.AspNetCore.Components.Parameter]
    public Func<CancellationToken, Task> PollWait { get; set; } = ct => Task.Delay(TimeSpan.FromSeconds(1), ct);

    private void StartPolling() =>
        (poller ??= new InProgressPoller(Api, () => documents, ct => PollWait(ct), ApplyTickAsync, disposed.Token)).Start();

    private async Task ApplyTickAsync(InProgressRefresh refresh)
    {
        documents = refresh.Documents;
        if (refresh.Problem is { } problem)
        {
            if (pollProblem is null)
            {
                error = pollProblem = problem;
            }
        }
        else if (pollProblem is not null)
        {
            // The server answers again; a banner another action has put up since stays.
            if (ReferenceEquals(error, pollProblem))
            {
                error = null;
            }

            pollProblem = null;
        }

        if (refresh.AnyDeleted)
        {
            await State.RefreshCollectionsAsync();
        }

        StateHasChanged();
    }
}
