using ChatRag.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatRag.EndToEnd.Tests;

/// <summary>The harness itself: the real server answers in the real browser.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class HostSmokeTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [BrowserFact]
    public Task Health_page_reports_the_server_healthy() => WithPageAsync(
        async page => await Expect(page.Locator("body")).ToContainTextAsync("Healthy"),
        path: "health");

    [BrowserFact]
    public Task Api_reference_renders() => WithPageAsync(
        async page =>
        {
            // Scalar renders sections lazily as they scroll into view: the first tag's operation is the one on screen.
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ChatRag API" }).First).ToBeVisibleAsync();
            await Expect(page.GetByText("/api/v1/search").First).ToBeVisibleAsync();
        },
        path: "docs");
}
