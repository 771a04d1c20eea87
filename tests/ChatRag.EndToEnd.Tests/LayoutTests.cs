using ChatRag.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatRag.EndToEnd.Tests;

/// <summary>The page at phone size and the accessible names other tools drive it by.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class LayoutTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [BrowserFact]
    public Task Chat_page_exposes_the_contract_names() => WithPageAsync(async page =>
    {
        var chat = new ChatScreen(page);
        await Expect(chat.Message).ToBeEditableAsync();
        await Expect(chat.Send).ToBeVisibleAsync();
        // Stop exists only while an answer streams (see StreamingTests).
        await Expect(chat.Stop).ToHaveCountAsync(0);
    });

    [BrowserFact]
    public Task Phone_viewport_has_no_horizontal_overflow() => WithPageAsync(async page =>
    {
        var chat = new ChatScreen(page);
        await Expect(chat.Message).ToBeVisibleAsync();
        Assert.True(await chat.HorizontalOverflowAsync() <= 0, "The empty chat page scrolls sideways at 390 px.");

        await chat.AskAsync(Fixture.Seed.Question);
        await chat.WaitForAnswerAsync();
        Assert.True(await chat.HorizontalOverflowAsync() <= 0, "The answered chat scrolls sideways at 390 px.");
        await Expect(chat.Send).ToBeInViewportAsync();
        await Screenshots.SaveAsync(page, "phone-chat");

        await chat.Source(1).ClickAsync();
        await Expect(chat.SourcePanel).ToBeInViewportAsync();
        Assert.True(await chat.HorizontalOverflowAsync() <= 0, "The open source panel scrolls sideways at 390 px.");
        await Screenshots.SaveAsync(page, "phone-source");

        await page.GotoAsync("documents");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Documents" })).ToContainTextAsync(Fixture.Seed.Name);
        Assert.True(await chat.HorizontalOverflowAsync() <= 0, "The documents page scrolls sideways at 390 px.");
    }, Phone);
}
