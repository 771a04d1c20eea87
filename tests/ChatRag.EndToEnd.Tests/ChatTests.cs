using ChatRag.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatRag.EndToEnd.Tests;

/// <summary>Asking in the browser: a grounded, cited (extractive) answer, its sources and its trace.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ChatTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [BrowserFact]
    public Task Question_gets_a_cited_answer_whose_source_opens() => WithPageAsync(async page =>
    {
        var chat = new ChatScreen(page);
        await chat.AskAsync(Fixture.Seed.Question);
        await chat.WaitForAnswerAsync();

        await Expect(chat.LastAnswer).ToContainTextAsync(Fixture.Seed.Evidence);
        await Expect(chat.LastAnswer).ToContainTextAsync("extractive");
        // The extractive notice is its own muted paragraph, before the quoted sentences.
        await Expect(chat.LastAnswer.Locator(".markdown > p").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bpreface\b"));
        await Expect(chat.LastAnswer.Locator(".markdown > p.preface")).ToHaveTextAsync("Extractive answer (quoted from your documents; no language model is configured):");
        await chat.Source(1).ClickAsync();

        await Expect(chat.SourcePanel).ToContainTextAsync("Source 1");
        await Expect(chat.SourcePanel).ToContainTextAsync(Fixture.Seed.Name);
        await Expect(chat.SourcePanel.Locator("blockquote")).ToContainTextAsync(Fixture.Seed.Evidence);
        await Screenshots.SaveAsync(page, "chat-source");

        await chat.SourcePanel.GetByRole(AriaRole.Button, new() { Name = "Close source" }).ClickAsync();
        await Expect(chat.SourcePanel).ToHaveCountAsync(0);
    });

    [BrowserFact]
    public Task Thought_process_shows_the_extractive_trace() => WithPageAsync(async page =>
    {
        var chat = new ChatScreen(page);
        await chat.AskAsync("When was the Harrow Point light automated?");
        await chat.WaitForAnswerAsync();

        await Expect(chat.ThoughtProcess).ToHaveAttributeAsync("aria-expanded", "false");
        await chat.ThoughtProcess.ClickAsync();
        await Expect(chat.ThoughtProcess).ToHaveAttributeAsync("aria-expanded", "true");
        var trace = page.Locator($"#{await chat.ThoughtProcess.GetAttributeAsync("aria-controls")}");
        await Expect(trace).ToContainTextAsync("extractive");
        await Expect(trace).ToContainTextAsync("Retrieved passages");
        await Expect(trace).ToContainTextAsync(Fixture.Seed.Name);
        await Screenshots.SaveAsync(page, "thought-process");

        await chat.ThoughtProcess.ClickAsync();
        await Expect(chat.ThoughtProcess).ToHaveAttributeAsync("aria-expanded", "false");
    });

    [BrowserFact]
    public Task Keyboard_alone_asks_and_opens_a_source() => WithPageAsync(async page =>
    {
        var chat = new ChatScreen(page);
        await Expect(chat.Message).ToBeVisibleAsync();
        for (var presses = 0; presses < 40 && !await IsFocusedAsync(chat.Message); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await IsFocusedAsync(chat.Message), "Tab never reached the message box.");
        await page.Keyboard.TypeAsync(Fixture.Seed.Question);
        await page.Keyboard.PressAsync("Enter");
        await chat.WaitForAnswerAsync();
        await Expect(chat.LastAnswer).ToContainTextAsync(Fixture.Seed.Evidence);

        // Citation controls are real buttons: focusable, and Enter opens the source.
        await chat.Source(1).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(chat.SourcePanel).ToContainTextAsync(Fixture.Seed.Name);
    });

    [BrowserFact]
    public Task Too_long_message_shows_the_servers_reason() => WithPageAsync(async page =>
    {
        var chat = new ChatScreen(page);
        await chat.AskAsync(new string('x', 8_001));
        await chat.WaitForAnswerAsync();

        var alert = chat.LastAnswer.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Invalid request");
        await Expect(alert).ToContainTextAsync("the limit is 8000");
    });

    private static Task<bool> IsFocusedAsync(ILocator locator) => locator.EvaluateAsync<bool>("e => e === document.activeElement");
}
