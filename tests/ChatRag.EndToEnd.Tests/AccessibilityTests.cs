using ChatRag.EndToEnd.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatRag.EndToEnd.Tests;

/// <summary>axe-core's WCAG 2 A/AA rules over the main screens, with content on them (an answer, an open source).</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class AccessibilityTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [BrowserFact]
    public Task Main_screens_have_no_serious_axe_violations() => WithPageAsync(async page =>
    {
        var chat = new ChatScreen(page);
        await chat.AskAsync(Fixture.Seed.Question);
        await chat.WaitForAnswerAsync();
        await chat.Source(1).ClickAsync();
        await chat.ThoughtProcess.ClickAsync();
        var problems = await SeriousViolationsAsync(page, "chat");

        await page.GotoAsync("documents");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Documents" })).ToContainTextAsync(Fixture.Seed.Name);
        problems.AddRange(await SeriousViolationsAsync(page, "documents"));

        await page.GotoAsync("settings");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settings" })).ToBeVisibleAsync();
        problems.AddRange(await SeriousViolationsAsync(page, "settings"));

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    });

    private async Task<List<string>> SeriousViolationsAsync(IPage page, string screen)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.NotEmpty(result.Passes); // axe really ran on a rendered page
        foreach (var violation in result.Violations)
        {
            Output.WriteLine($"{screen}: {violation.Impact} {violation.Id}: {violation.Help} ({violation.Nodes.Length} nodes)");
        }

        return result.Violations
            .Where(v => v.Impact is "critical" or "serious")
            .Select(v => $"{screen}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))}")
            .ToList();
    }
}
