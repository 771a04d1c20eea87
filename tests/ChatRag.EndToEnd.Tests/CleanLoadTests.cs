using ChatRag.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatRag.EndToEnd.Tests;

/// <summary>The main pages load without a failed request (a missing favicon was one) or a console error.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class CleanLoadTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [BrowserFact]
    public Task Main_pages_load_without_failed_requests_or_console_errors() => WithPageAsync(async page =>
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status}: {response.Url}");
            }
        };

        foreach (var (path, ready) in new (string, Func<ILocator>)[]
        {
            ("", () => new ChatScreen(page).Message),
            ("documents", () => page.GetByRole(AriaRole.Region, new() { Name = "Documents" }).GetByText(Fixture.Seed.Name)),
            ("settings", () => page.Locator("#api-key")),
        })
        {
            await page.GotoAsync(path);
            await Expect(ready()).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.Empty(problems);

        // Browsers fetch the icon outside the page's request events, so check the linked one is really served.
        var href = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(href), "index.html links no icon, so browsers ask for /favicon.ico and get 404.");
        var icon = await page.APIRequest.GetAsync(href);
        Assert.Equal(200, icon.Status);
        Assert.Contains("svg", icon.Headers["content-type"], StringComparison.Ordinal);
    });
}
