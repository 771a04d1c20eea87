using ChatRag.Contracts.Documents;
using ChatRag.Web.Api;

namespace ChatRag.Web.Pages;

/// <content>
/// The one poller of the page: uploads, re-indexing and documents queued elsewhere (the CLI) all show the status of this
/// list, so the upload rows and the document rows can never disagree. A tick asks only about the documents still
/// queued or processing (<c>GET /api/v1/documents/{id}</c>), not the whole list: a large collection is many pages, and
/// reading them all every second to follow one upload was most of the page's traffic.
/// </content>
public partial class DocumentsPage
{
    /// <summary>
    /// The most documents one tick asks about. A batch upload queues many at once, but the worker takes them one after
    /// another, so the ones processing and the oldest queued (next in line) are the ones whose status moves.
    /// </summary>
    private const int MaxPolledPerTick = 8;

    private bool polling;

    /// <summary>Waits between status polls; one second by default (tests pass a wait they release themselves).</summary>
    [Microsoft.AspNetCore.Components.Parameter]
    public Func<CancellationToken, Task> PollWait { get; set; } = ct => Task.Delay(TimeSpan.FromSeconds(1), ct);

    private static bool InProgress(DocumentDetails document) => document.Status is "queued" or "processing";

    private void StartPolling()
    {
        if (!polling && documents.Any(InProgress))
        {
            _ = PollAsync();
        }
    }

    private async Task PollAsync()
    {
        polling = true;
        try
        {
            while (!disposed.IsCancellationRequested && documents.Any(InProgress))
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

    /// <summary>Reads the documents still in progress again and puts them in their place in the list; a 404 means deleted meanwhile.</summary>
    private async Task RefreshInProgressAsync()
    {
        var due = documents.Where(InProgress)
            .OrderBy(d => d.Status == "processing" ? 0 : 1)
            .ThenBy(d => d.CreatedAt)
            .Take(MaxPolledPerTick)
            .ToList();
        var fresh = new Dictionary<Guid, DocumentDetails?>();
        try
        {
            foreach (var document in due)
            {
                try
                {
                    fresh[document.Id] = await Api.GetDocumentAsync(document.Id, disposed.Token);
                }
                catch (ApiException e) when (e.Problem.Status == 404)
                {
                    fresh[document.Id] = null;
                }
            }
        }
        catch (ApiException e)
        {
            error = e.Problem;
        }

        // Merged into the list as it is now: an upload may have refreshed it while these requests were out.
        documents = [.. documents.Select(d => fresh.TryGetValue(d.Id, out var now) ? now : d).OfType<DocumentDetails>()];
        if (fresh.ContainsValue(null))
        {
            await State.RefreshCollectionsAsync();
        }
    }
}
