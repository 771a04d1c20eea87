using ChatRag.Contracts.Documents;
using ChatRag.Web.Api;

namespace ChatRag.Web.State;

/// <summary>
/// The poll loop of a page's document list, shared by the documents page and the chat page's upload panel: a tick
/// (<see cref="InProgressDocuments.RefreshAsync"/>) after each wait, as long as a document is in progress and the page
/// is not left. The page owns the list; the poller reads it and hands each tick's result back.
/// </summary>
/// <param name="api">The client to ask.</param>
/// <param name="current">The page's list now.</param>
/// <param name="wait">Waits before each tick (one second in the app; tests release it themselves).</param>
/// <param name="apply">Takes a tick's result into the page (and renders it).</param>
/// <param name="stop">Cancelled when the page is left.</param>
public sealed class InProgressPoller(
    IChatRagApi api,
    Func<IReadOnlyList<DocumentDetails>> current,
    Func<CancellationToken, Task> wait,
    Func<InProgressRefresh, Task> apply,
    CancellationToken stop)
{
    private IReadOnlySet<Guid> failing = new HashSet<Guid>();
    private bool running;

    /// <summary>Starts the loop, unless it runs already or nothing is in progress; it ends by itself when nothing is.</summary>
    public void Start()
    {
        if (!running && current().Any(InProgressDocuments.InProgress))
        {
            _ = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        running = true;
        try
        {
            while (!stop.IsCancellationRequested && current().Any(InProgressDocuments.InProgress))
            {
                await wait(stop);
                var refresh = await InProgressDocuments.RefreshAsync(api, current, failing, stop);
                failing = refresh.Failing;
                await apply(refresh);
            }
        }
        catch (OperationCanceledException)
        {
            // Left the page.
        }
        finally
        {
            running = false;
        }
    }
}
