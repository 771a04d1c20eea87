using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text;
using ChatRag.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatRag.EndToEnd.Tests;

/// <summary>Collections as objects in the browser: create, rename, switch with their conversations, delete; undo; keyboard; plain messages.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class CollectionsTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [BrowserFact]
    public Task Create_rename_switch_and_delete_a_collection_with_its_conversation() => WithPageAsync(async page =>
    {
        var name = $"e2e-{Guid.NewGuid():N}"[..16];
        var chat = new ChatScreen(page);
        var switcher = page.GetByRole(AriaRole.Combobox, new() { Name = "Collection" });
        var conversations = page.Locator(".conversations li");

        await page.GetByLabel("New collection name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(page.Locator(".collection-tag")).ToHaveTextAsync(name);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat with your documents" })).ToBeVisibleAsync();

        await UploadAsync(page, SeedDocument.Orchard);
        await chat.AskAsync(SeedDocument.Orchard.Question);
        await chat.WaitForAnswerAsync();
        await Expect(conversations).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Rename", Exact = true }).ClickAsync();
        await page.GetByLabel("Collection display name").FillAsync("Orchard notes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator(".collection-tag")).ToHaveTextAsync("Orchard notes");
        await Expect(page.Locator(".sidebar-heading")).ToHaveTextAsync("Conversations in Orchard notes");
        await Expect(conversations).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "collections");

        await switcher.SelectOptionAsync("default");
        await Expect(page.Locator(".collection-tag")).ToHaveTextAsync("default");
        await Expect(chat.Conversation).ToContainTextAsync("default");
        await switcher.SelectOptionAsync(name);
        await Expect(conversations).ToHaveCountAsync(1);
        await conversations.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(chat.LastAnswer).ToContainTextAsync(SeedDocument.Orchard.Evidence);

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync("Orchard notes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete collection" }).ClickAsync();
        await Expect(page.Locator(".collection-tag")).ToHaveTextAsync("default");
        await Expect(switcher.Locator($"option[value='{name}']")).ToHaveCountAsync(0);
        using var gone = await Fixture.Server.Client.GetAsync(new Uri($"api/v1/collections/{name}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    });

    [BrowserFact]
    public Task A_deleted_conversation_comes_back_with_undo() => WithPageAsync(async page =>
    {
        var chat = new ChatScreen(page);
        await chat.AskAsync(Fixture.Seed.Question);
        await chat.WaitForAnswerAsync();
        // The sidebar lists the new conversation only after the answer moved the page to it: wait for that entry before
        // counting, or the count (and the first title) can be read from the list as it was before this test's turn.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/c/[0-9a-f-]{36}$"));
        var href = new Uri(page.Url).AbsolutePath.TrimStart('/');
        var entry = page.Locator($".conversations li a[href='{href}']");
        await Expect(entry).ToHaveCountAsync(1);
        var title = await entry.GetAttributeAsync("title");
        var count = await page.Locator(".conversations li").CountAsync();

        var item = page.Locator(".conversations li").Filter(new() { Has = page.Locator($"a[href='{href}']") });
        await item.GetByRole(AriaRole.Button, new() { Name = $"Delete conversation {title}", Exact = true }).ClickAsync();
        await Expect(page.Locator(".conversations li")).ToHaveCountAsync(count - 1);
        await Screenshots.SaveAsync(page, "undo-delete");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo", Exact = true }).ClickAsync();

        await Expect(page.Locator(".conversations li")).ToHaveCountAsync(count);
        await page.ReloadAsync();
        await Expect(page.Locator(".conversations li")).ToHaveCountAsync(count);
    });

    [BrowserFact]
    public Task Escape_closes_the_source_panel_and_gives_focus_back_to_its_citation() => WithPageAsync(async page =>
    {
        var chat = new ChatScreen(page);
        await chat.AskAsync(Fixture.Seed.Question);
        await chat.WaitForAnswerAsync();

        await chat.Source(1).ClickAsync();
        await Expect(chat.SourcePanel).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");

        await Expect(chat.SourcePanel).ToHaveCountAsync(0);
        await Expect(chat.Source(1)).ToBeFocusedAsync();
    });

    [BrowserFact]
    public Task Open_original_of_a_deleted_document_and_a_duplicate_upload_say_so_in_plain_words() => WithPageAsync(async page =>
    {
        var collection = await FirstRunTests.OpenEmptyCollectionAsync(page, Fixture.Server.Client);
        var chat = new ChatScreen(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat with your documents" })).ToBeVisibleAsync();
        var document = SeedDocument.Orchard;
        await UploadAsync(page, document);
        await UploadAsync(page, document, waitReady: false);
        var upload = page.GetByRole(AriaRole.List, new() { Name = "Upload progress" });
        await Expect(upload).ToContainTextAsync($"Already uploaded as {document.Name}");
        await Expect(upload.GetByRole(AriaRole.Link, new() { Name = document.Name })).ToHaveAttributeAsync("href", "documents");

        await chat.AskAsync(document.Question);
        await chat.WaitForAnswerAsync();
        await chat.Source(1).ClickAsync();
        var listed = await Fixture.Server.Client.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/documents?collection={collection}", UriKind.Relative));
        var id = listed[0].GetProperty("id").GetString()!;
        using var deleted = await Fixture.Server.Client.DeleteAsync(new Uri($"api/v1/documents/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        await chat.SourcePanel.GetByRole(AriaRole.Button, new() { NameRegex = new("^Open original") }).ClickAsync();

        var alert = chat.SourcePanel.GetByRole(AriaRole.Alert);
        await Expect(alert).ToHaveTextAsync("This document was deleted.");
        await Expect(chat.SourcePanel).Not.ToContainTextAsync(id);
    });

    private static async Task UploadAsync(IPage page, SeedDocument document, bool waitReady = true)
    {
        await page.GetByLabel("Upload documents").SetInputFilesAsync(new FilePayload
        {
            Name = document.Name,
            MimeType = "text/markdown",
            Buffer = Encoding.UTF8.GetBytes(document.Content),
        });
        if (waitReady)
        {
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "Upload progress" })).ToContainTextAsync("ready", new() { Timeout = 90_000 });
        }
    }
}
