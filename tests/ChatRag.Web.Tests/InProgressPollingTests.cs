using Bunit;
using ChatRag.Contracts.Documents;
using ChatRag.Web.Api;
using ChatRag.Web.Pages;
using ChatRag.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

/// <summary>
/// The documents page's poller while the server fails: a tick stops at its first failed request, and the page shows one
/// banner for the whole outage and clears it when a tick succeeds again.
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
        // The processing document answers on every tick (its progress shows that the tick is over); the queued one fails.
        var moving = Doc("moving.txt", "processing");
        var stuck = Doc("stuck.txt", "queued");
        Api.SetDocument(stuck);
        Api.SetDocument(moving);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".document-name").Count));

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
        var moving = Doc("moving.txt", "processing");
        var stuck = Doc("stuck.txt", "queued");
        Api.SetDocument(stuck);
        Api.SetDocument(moving);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".document-name").Count));
        Api.DocumentFailures[stuck.Id] = new ApiException("The server cannot be reached. Check that it is running and try again.");
        Tick(page, moving, 2);

        page.Find(".error-banner button.dismiss").Click();
        Tick(page, moving, 3);

        Assert.Empty(page.FindAll(".error-banner"));
    }

    // One tick: the processing document has moved to the given step when it is over.
    private void Tick(IRenderedComponent<DocumentsPage> page, DocumentDetails moving, int done)
    {
        Api.SetDocument(moving with { Progress = new DocumentProgress(done, 10) });
        poll.Release();
        page.WaitForAssertion(() => Assert.Equal($"{done}", page.Find("li.document-row.processing progress").GetAttribute("value")));
    }

    private IRenderedComponent<DocumentsPage> RenderPage() => Render<DocumentsPage>(p => p.Add(d => d.PollWait, ct => poll.WaitAsync(ct)));

    private static DocumentDetails Doc(string name, string status) =>
        new(Guid.NewGuid(), name, "default", status, 1, null, new DocumentProgress(1, 10), 10, "text/plain", DateTime.UtcNow, null);
}
