using ChatRag.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatRag.EndToEnd.Tests;

/// <summary>
/// "Open original" must never render an uploaded page as active content in ChatRag's origin: a blob URL keeps the
/// app's origin, so a script in an uploaded HTML file could read the API key from localStorage (issue 11, critical).
/// Run against the server with an API key, so there is a key to steal.
/// </summary>
[Collection(ApiKeyCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class OpenOriginalTests(ApiKeyFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Marker = "chatrag-e2e-xss";

    private static readonly SeedDocument HostilePage = new(
        "walking-study.html",
        $$"""
        <!DOCTYPE html>
        <html><head><title>Walking study</title>
        <script>localStorage.setItem('{{Marker}}', 'script ran, key: ' + localStorage.getItem('chatrag.apiKey'));</script>
        </head><body>
        <p>Regular brisk walking lowers resting blood pressure in adults by about five points.</p>
        <img src="missing.png" onerror="localStorage.setItem('{{Marker}}', 'handler ran, key: ' + localStorage.getItem('chatrag.apiKey'))">
        </body></html>
        """,
        "Does brisk walking lower resting blood pressure?",
        "brisk walking lowers resting blood pressure");

    private static readonly SeedDocument PlainText = new(
        "quiet-hours.txt",
        "Quiet hours in the reading room run from nine to eleven each morning; phones stay in the lockers.",
        "When are the quiet hours in the reading room?",
        "phones stay in the lockers");

    private readonly ApiKeyFixture keys = fixture;

    [BrowserFact]
    public Task Open_original_of_an_uploaded_html_page_downloads_it_and_runs_none_of_its_script() => WithPageAsync(async page =>
    {
        await new DocumentsApi(Fixture.Server.Client).UploadAndWaitAsync(HostilePage, TimeSpan.FromSeconds(90));
        await SaveKeyAsync(page);

        var chat = new ChatScreen(page);
        await chat.AskAsync(HostilePage.Question);
        await chat.WaitForAnswerAsync();
        await chat.Source(1).ClickAsync();
        await Expect(chat.SourcePanel).ToContainTextAsync(HostilePage.Name);

        var download = page.WaitForDownloadAsync(new() { Timeout = 15_000 });
        await chat.SourcePanel.GetByRole(AriaRole.Button, new() { NameRegex = new("^Open original") }).ClickAsync();
        IDownload? saved = null;
        try
        {
            saved = await download;
        }
        catch (TimeoutException)
        {
            // Asserted below, after the marker: the marker says why no download came (the page was opened instead).
        }

        // Every page of the context: the app and any tab "Open original" opened; all share the app's localStorage
        // when they run in its origin, which is exactly what must not happen.
        foreach (var opened in page.Context.Pages.ToList())
        {
            string? marker;
            try
            {
                marker = await opened.EvaluateAsync<string?>($"() => location.origin === 'null' ? null : localStorage.getItem('{Marker}')");
            }
            catch (PlaywrightException) when (opened.IsClosed)
            {
                continue; // the blank tab "Open original" opened and closed again to save the file instead
            }

            Assert.True(marker is null, $"The uploaded page's script ran in {opened.Url}: {marker}");
        }

        Assert.NotNull(saved);
        Assert.Equal(HostilePage.Name, saved.SuggestedFilename);
    }, path: "settings");

    [BrowserFact]
    public Task Open_original_of_a_text_document_shows_it_as_text_in_a_new_tab() => WithPageAsync(async page =>
    {
        await new DocumentsApi(Fixture.Server.Client).UploadAndWaitAsync(PlainText, TimeSpan.FromSeconds(90));
        await SaveKeyAsync(page);

        var chat = new ChatScreen(page);
        await chat.AskAsync(PlainText.Question);
        await chat.WaitForAnswerAsync();
        await chat.Source(1).ClickAsync();
        await Expect(chat.SourcePanel).ToContainTextAsync(PlainText.Name);
        var tab = await page.Context.RunAndWaitForPageAsync(() =>
            chat.SourcePanel.GetByRole(AriaRole.Button, new() { NameRegex = new("^Open original") }).ClickAsync());

        // The tab opens blank (while the click still counts for popup blockers) and goes to the blob once fetched.
        await Expect(tab.Locator("body")).ToContainTextAsync(PlainText.Evidence);
        Assert.StartsWith("blob:", tab.Url, StringComparison.Ordinal);
        Assert.Equal("text/plain", await tab.EvaluateAsync<string>("() => document.contentType"));
    }, path: "settings");

    private async Task SaveKeyAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Textbox, new() { Name = "API key", Exact = true }).FillAsync(keys.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Key saved." })).ToBeVisibleAsync();
        await page.GotoAsync("");
    }
}
