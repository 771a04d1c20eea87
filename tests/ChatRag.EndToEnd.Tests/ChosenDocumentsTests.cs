using System.Net.Http.Json;
using System.Text.Json;
using ChatRag.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatRag.EndToEnd.Tests;

/// <summary>"Ask about these": tick a document, ask, and the conversation is stored scoped to it; the chip can be removed.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ChosenDocumentsTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [BrowserFact]
    public Task Ask_about_a_ticked_document_stores_the_choice_with_the_conversation() => WithPageAsync(async page =>
    {
        var documents = page.GetByRole(AriaRole.Region, new() { Name = "Documents" });
        await documents.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {Fixture.Seed.Name}" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask about these" }).ClickAsync();

        var chips = page.GetByRole(AriaRole.List, new() { Name = "Chosen documents" });
        await Expect(chips).ToContainTextAsync(Fixture.Seed.Name);
        var chat = new ChatScreen(page);
        await chat.AskAsync(Fixture.Seed.Question);
        await chat.WaitForAnswerAsync();
        await Expect(chat.LastAnswer).ToContainTextAsync(Fixture.Seed.Evidence);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/c/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Export", Exact = true })).ToBeVisibleAsync();

        // The server stored the choice: the conversation lists exactly the ticked document.
        var id = page.Url[^36..];
        var stored = await Fixture.Server.Client.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/conversations/{id}", UriKind.Relative));
        var chosen = stored.GetProperty("documentIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
        var named = await Fixture.Server.Client.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/documents/{Assert.Single(chosen)}", UriKind.Relative));
        Assert.Equal(Fixture.Seed.Name, named.GetProperty("name").GetString());

        await chips.GetByRole(AriaRole.Button, new() { Name = $"Remove {Fixture.Seed.Name}" }).ClickAsync();
        await Expect(chips).ToHaveCountAsync(0);
    }, path: "documents");
}
