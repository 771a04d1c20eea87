using ChatRag.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatRag.EndToEnd.Tests;

/// <summary>A server with API keys: a missing or wrong key is explained and points to Settings; the right key works.</summary>
[Collection(ApiKeyCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ApiKeyTests(ApiKeyFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private readonly ApiKeyFixture keys = fixture;

    [BrowserFact]
    public Task Wrong_key_is_explained_and_the_saved_right_key_answers() => WithPageAsync(async page =>
    {
        var chat = new ChatScreen(page);
        await SaveKeyAsync(page, "not-a-real-key");
        await page.GotoAsync("");
        await chat.AskAsync(Fixture.Seed.Question);
        await chat.WaitForAnswerAsync();
        var alert = chat.LastAnswer.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("API key required");
        await Expect(alert).ToContainTextAsync("not valid");
        await Expect(alert.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToBeVisibleAsync();

        await SaveKeyAsync(page, keys.Key);
        await page.GotoAsync("");
        await chat.AskAsync(Fixture.Seed.Question);
        await chat.WaitForAnswerAsync();
        await Expect(chat.LastAnswer).ToContainTextAsync(Fixture.Seed.Evidence);
        await Expect(chat.Source(1)).ToBeVisibleAsync();
    }, path: "settings");

    private static async Task SaveKeyAsync(IPage page, string key)
    {
        await page.GotoAsync("settings");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "API key", Exact = true }).FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Key saved." })).ToBeVisibleAsync();
    }
}
