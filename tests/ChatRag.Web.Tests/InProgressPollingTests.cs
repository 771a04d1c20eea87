using Bunit;
using ChatRag.Contracts.Documents;
using ChatRag.Web.Api;
using ChatRag.Web.Pages;
using ChatRag.Web.State;
using ChatRag.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

/// <summary>
/// The documents page's poller: how many documents a tick asks about, what it does with answers older than the list,
/// a document deleted meanwhile, and a server that fails (a tick stops at its first failed request, and the page shows
/// one banner for the whole outage and clears it when a tick succeeds again).
/// </summary>
public sealed class InProgressPollingTests : WebTestContext
{
    // Each poll waits for the test to release it, so every tick's requests can be counted without timing.
    private readonly SemaphoreSlim poll = new(0);

    [Fact]
    public void While_the_server_fails_a_tick_stops_at_its_first_failed_request()
    {
        var documents = Enumerable.Range(0, 5).Select(i => Doc($"doc{i}.txt", "processing")).ToList();
        var handler = new PagingHandler(documents, pageSize: 10);
        handler.Failing.UnionWith(documents.Select(d => d.Id));
        Services.AddSingleton<IChatRagApi>(new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage()));
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".document-name").Count));
        handler.Queries.Clear();

        poll.Release();

        // The banner is drawn once the tick is over: one request, not one per document in progress.
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".error-banner")));
        Assert.Equal([$"/api/v1/documents/{documents[0].Id}"], handler.Queries);
    }

    [Fact]
    public void While_the_server_keeps_failing_the_page_shows_one_banner_and_clears_it_on_the_first_good_tick()
    {
        var (page, moving, stuck) = RenderMovingAndStuck();

        Api.DocumentFailures[stuck.Id] = new ApiException(new ApiProblem(503, "Service Unavailable", "First failure."));
        Tick(page, moving, 2);
        Assert.Contains("First failure.", page.Find(".error-banner").TextContent, StringComparison.Ordinal);

        // Failing on: the banner stays as it was, not replaced by each tick's own problem.
        Api.DocumentFailures[stuck.Id] = new ApiException(new ApiProblem(503, "Service Unavailable", "Second failure."));
        Tick(page, moving, 3);
        Assert.Contains("First failure.", page.Find(".error-banner").TextContent, StringComparison.Ordinal);

        // Back again: the first tick with every request answered clears it.
        Api.DocumentFailures.Clear();
        Tick(page, moving, 4);
        Assert.Empty(page.FindAll(".error-banner"));
    }

    [Fact]
    public void A_poll_banner_the_user_dismissed_does_not_come_back_while_the_failures_go_on()
    {
        var (page, moving, stuck) = RenderMovingAndStuck();
        Api.DocumentFailures[stuck.Id] = new ApiException("The server cannot be reached. Check that it is running and try again.");
        Tick(page, moving, 2);

        page.Find(".error-banner button.dismiss").Click();
        Tick(page, moving, 3);

        Assert.Empty(page.FindAll(".error-banner"));
    }

    [Fact]
    public void A_banner_another_action_put_up_during_the_outage_stays_when_the_polls_recover()
    {
        var (page, moving, stuck) = RenderMovingAndStuck();
        Api.DocumentFailures[stuck.Id] = new ApiException(new ApiProblem(503, "Service Unavailable", "Poll failure."));
        Tick(page, moving, 2);

        Api.Failure = new ApiException(new ApiProblem(500, "Internal Server Error", "Re-index failed."));
        page.Find("button[aria-label='Re-index moving.txt']").Click();
        page.WaitForAssertion(() => Assert.Contains("Re-index failed.", page.Find(".error-banner").TextContent, StringComparison.Ordinal));

        Api.Failure = null;
        Api.DocumentFailures.Clear();
        Tick(page, moving, 3);
        Assert.Contains("Re-index failed.", page.Find(".error-banner").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tick_asks_about_at_most_eight_documents()
    {
        var start = DateTime.UtcNow;
        var documents = Enumerable.Range(0, 10).Select(i => Doc($"doc{i}.txt", "processing") with { CreatedAt = start.AddMinutes(i) }).ToList();
        documents.ForEach(Api.SetDocument);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll(".document-name").Count));

        documents.ForEach(d => Api.SetDocument(d with { Progress = new DocumentProgress(2, 10) }));
        poll.Release();

        // The oldest eight moved; the two newest wait for the next tick.
        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("li.document-row.processing progress[value='2']").Count));
        Assert.Equal(documents.Take(8).Select(d => d.Id), Api.DocumentReads);
    }

    [Fact]
    public void A_full_refresh_while_a_tick_is_out_is_not_overwritten_by_that_ticks_older_answer()
    {
        var done = Doc("done.txt", "ready");
        var moving = Doc("moving.txt", "processing");
        var failing = Doc("failing.txt", "processing");
        Api.SetDocument(done);
        Api.SetDocument(failing);
        Api.SetDocument(moving);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".document-name").Count));

        // The tick asks about the moving document (it answers "processing"), and its answer is slow.
        var held = new TaskCompletionSource();
        Api.HeldDocumentRead = held;
        Api.DocumentFailures[failing.Id] = new ApiException(new ApiProblem(503, "Service Unavailable", "Tick over."));
        poll.Release();
        Assert.True(SpinWait.SpinUntil(() => Read(moving), TimeSpan.FromSeconds(15))); // a held read renders nothing to wait for

        // Meanwhile it finishes, and a re-index elsewhere on the page reads the whole list again.
        Api.SetDocument(moving with { Status = "ready", Progress = new DocumentProgress(10, 10) });
        page.Find("button[aria-label='Re-index done.txt']").Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("li.document-row.ready").Count));

        // The tick's answer arrives after the list it asked from was replaced: the newer list stands.
        page.InvokeAsync(held.SetResult);
        page.WaitForAssertion(() => Assert.Contains("Tick over.", page.Find(".error-banner").TextContent, StringComparison.Ordinal));
        Assert.Equal(["done.txt", "moving.txt"], page.FindAll("li.document-row.ready .document-name").Select(e => e.TextContent).Order());
    }

    [Fact]
    public async Task A_document_deleted_while_the_documents_page_follows_it_updates_the_collection_count()
    {
        var documents = Enumerable.Range(0, 7).Select(i => Doc($"doc{i}.txt", "ready")).ToList();
        var processing = documents[5] = documents[5] with { Status = "processing" };
        var handler = new PagingHandler(documents, pageSize: 3);
        Services.AddSingleton<IChatRagApi>(new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage()));
        var state = Services.GetRequiredService<AppState>();
        var page = RenderPage();
        await page.InvokeAsync(state.RefreshCollectionsAsync);
        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll(".document-name").Count));

        // Deleted elsewhere (another tab, the CLI): the tick's 404 drops its row and reads the collections again.
        handler.Remove(processing.Id);
        poll.Release();

        page.WaitForAssertion(() => Assert.Equal(6, state.Current?.Documents));
        Assert.Equal(6, page.FindAll(".document-name").Count);
    }

    // One tick: the processing document has moved to the given step when it is over.
    private void Tick(IRenderedComponent<DocumentsPage> page, DocumentDetails moving, int done)
    {
        Api.SetDocument(moving with { Progress = new DocumentProgress(done, 10) });
        poll.Release();
        page.WaitForAssertion(() => Assert.Equal($"{done}", page.Find("li.document-row.processing progress").GetAttribute("value")));
    }

    private bool Read(DocumentDetails document)
    {
        lock (Api.Documents)
        {
            return Api.DocumentReads.Contains(document.Id);
        }
    }

    // The processing document answers on every tick (its progress shows that the tick is over); the queued one is the
    // one the tests make fail.
    private (IRenderedComponent<DocumentsPage> Page, DocumentDetails Moving, DocumentDetails Stuck) RenderMovingAndStuck()
    {
        var moving = Doc("moving.txt", "processing");
        var stuck = Doc("stuck.txt", "queued");
        Api.SetDocument(stuck);
        Api.SetDocument(moving);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".document-name").Count));
        return (page, moving, stuck);
    }

    private IRenderedComponent<DocumentsPage> RenderPage() => Render<DocumentsPage>(p => p.Add(d => d.PollWait, ct => poll.WaitAsync(ct)));

    private static DocumentDetails Doc(string name, string status) =>
        new(Guid.NewGuid(), name, "default", status, 1, null, new DocumentProgress(1, 10), 10, "text/plain", DateTime.UtcNow, null);
}
