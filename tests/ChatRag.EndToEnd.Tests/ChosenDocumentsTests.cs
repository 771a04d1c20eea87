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

    [BrowserFact]
    public async Task A_chosen_document_deleted_mid_conversation_loses_its_chip_and_the_follow_up_answers_from_the_other()
    {
        var api = new DocumentsApi(Fixture.Server.Client);
        var kept = new SeedDocument("saltmarsh-ferry.md", "# Saltmarsh ferry\n\nThe Saltmarsh ferry leaves the harbour at 7:40 every morning and returns at 18:15.\n", "When does the Saltmarsh ferry leave?", "7:40");
        var gone = new SeedDocument("saltmarsh-tides.md", "# Saltmarsh tides\n\nThe spring tide at Saltmarsh harbour rises four metres; the ferry waits for it in March.\n", "", "");
        await api.UploadAndWaitAsync(kept, TimeSpan.FromSeconds(90));
        var goneId = await api.UploadAndWaitAsync(gone, TimeSpan.FromSeconds(90));

        await WithPageAsync(async page =>
        {
            var chat = await AskAboutBothThenDeleteAsync(page, kept, gone, goneId, "What does the Saltmarsh ferry wait for?");

            // The chips still name both, the stored choice, so the follow-up names none and the server drops the deleted one.
            await chat.AskAsync(kept.Question);
            await chat.WaitForAnswerAsync();
            await Expect(chat.LastAnswer).ToContainTextAsync(kept.Evidence);
            var chips = page.GetByRole(AriaRole.List, new() { Name = "Chosen documents" });
            await Expect(chips.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
            await Expect(chips).ToContainTextAsync(kept.Name);
            await chat.ThoughtProcess.ClickAsync();
            await Expect(chat.LastAnswer).ToContainTextAsync("was deleted");
        }, path: "documents");
    }

    [BrowserFact]
    public async Task A_chip_named_after_its_document_was_deleted_elsewhere_goes_and_the_question_stays()
    {
        var api = new DocumentsApi(Fixture.Server.Client);
        var kept = new SeedDocument("harbour-bell.md", "# Harbour bell\n\nThe harbour bell at Saltmarsh rings twice at noon.\n", "When does the harbour bell ring?", "noon");
        var gone = new SeedDocument("harbour-lamp.md", "# Harbour lamp\n\nThe harbour lamp at Saltmarsh is lit at dusk by the keeper.\n", "", "");
        await api.UploadAndWaitAsync(kept, TimeSpan.FromSeconds(90));
        var goneId = await api.UploadAndWaitAsync(gone, TimeSpan.FromSeconds(90));

        await WithPageAsync(async page =>
        {
            var chat = await AskAboutBothThenDeleteAsync(page, kept, gone, goneId, kept.Question);

            // Only the deleted document's chip left: the turn names it, and the server refuses it (404).
            var chips = page.GetByRole(AriaRole.List, new() { Name = "Chosen documents" });
            await chips.GetByRole(AriaRole.Button, new() { Name = $"Remove {kept.Name}" }).ClickAsync();
            await chat.AskAsync("Who lights the harbour lamp?");

            await Expect(chat.LastAnswer.GetByRole(AriaRole.Alert)).ToContainTextAsync(gone.Name);
            await Expect(chips).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Message" })).ToHaveValueAsync("Who lights the harbour lamp?");
        }, path: "documents");
    }

    /// <summary>Ticks both documents, asks about them once, then deletes <paramref name="gone"/> behind the page's back.</summary>
    private async Task<ChatScreen> AskAboutBothThenDeleteAsync(IPage page, SeedDocument kept, SeedDocument gone, string goneId, string question)
    {
        var documents = page.GetByRole(AriaRole.Region, new() { Name = "Documents" });
        await documents.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {kept.Name}" }).CheckAsync();
        await documents.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {gone.Name}" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask about these" }).ClickAsync();
        var chat = new ChatScreen(page);
        await chat.AskAsync(question);
        await chat.WaitForAnswerAsync();

        using var deleted = await Fixture.Server.Client.DeleteAsync(new Uri($"api/v1/documents/{goneId}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        return chat;
    }
}
