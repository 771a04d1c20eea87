using System.Net.Http.Json;
using System.Text;
using ChatRag.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatRag.EndToEnd.Tests;

/// <summary>
/// An empty collection greets a newcomer: what ChatRag does, a drop zone with the server's accepted types and size
/// limit, what happens next; the first upload from the chat page hands over to the chat. Each test gets its own new
/// collection, since the shared server's default one already holds documents.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class FirstRunTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [BrowserFact]
    public Task First_run_at_desktop_size_uploads_from_the_chat_and_hands_over() => FirstRunAsync(Desktop);

    [BrowserFact]
    public Task First_run_at_phone_size_fits_the_screen_and_hands_over() => FirstRunAsync(Phone);

    private Task FirstRunAsync(ViewportSize viewport) => WithPageAsync(async page =>
    {
        var collection = await OpenEmptyCollectionAsync(page);
        var chat = new ChatScreen(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat with your documents" })).ToBeVisibleAsync();
        await Expect(page.Locator(".drop-types")).ToContainTextAsync("PDF");
        await Expect(page.Locator(".drop-types")).ToContainTextAsync("MB per file");
        await Expect(chat.Message).ToBeEditableAsync();
        Assert.True(await chat.HorizontalOverflowAsync() <= 0, $"The first-run view scrolls sideways at {viewport.Width} px.");
        await Screenshots.SaveAsync(page, viewport.Width < 600 ? "phone-first-run" : "first-run");

        var document = SeedDocument.Orchard;
        await page.GetByLabel("Upload documents").SetInputFilesAsync(new FilePayload
        {
            Name = document.Name,
            MimeType = "text/markdown",
            Buffer = Encoding.UTF8.GetBytes(document.Content),
        });

        // The chat takes over at once; the new document's progress stays inline until it is ready.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat with your documents" })).ToHaveCountAsync(0);
        var upload = page.GetByRole(AriaRole.List, new() { Name = "Upload progress" });
        await Expect(upload).ToContainTextAsync(document.Name);
        await Expect(upload).ToContainTextAsync("ready", new() { Timeout = 90_000 });
        await chat.AskAsync(document.Question);
        await chat.WaitForAnswerAsync();
        await Expect(chat.LastAnswer).ToContainTextAsync(document.Evidence);
        Assert.True(await chat.HorizontalOverflowAsync() <= 0, $"The chat after the first upload scrolls sideways at {viewport.Width} px.");
        await Fixture.Server.Client.DeleteAsync(new Uri($"api/v1/collections/{collection}?confirm={collection}", UriKind.Relative));
    }, viewport);

    [BrowserFact]
    public Task Files_dropped_on_the_conversation_are_uploaded_to_the_current_collection() => WithPageAsync(async page =>
    {
        var collection = await OpenEmptyCollectionAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat with your documents" })).ToBeVisibleAsync();

        // What a browser hands the page when files are dragged from the desktop onto the conversation.
        var files = await page.EvaluateHandleAsync("""
            () => {
              const transfer = new DataTransfer();
              transfer.items.add(new File(['# Bees\nThe hives are checked every Sunday in June.'], 'bee-notes.md', { type: 'text/markdown' }));
              return transfer;
            }
            """);
        var conversation = new ChatScreen(page).Conversation;
        await conversation.DispatchEventAsync("dragover", new { dataTransfer = files });
        await conversation.DispatchEventAsync("drop", new { dataTransfer = files });

        var upload = page.GetByRole(AriaRole.List, new() { Name = "Upload progress" });
        await Expect(upload).ToContainTextAsync("bee-notes.md");
        await Expect(upload).ToContainTextAsync("ready", new() { Timeout = 90_000 });
        var listed = await Fixture.Server.Client.GetStringAsync(new Uri($"api/v1/documents?collection={collection}", UriKind.Relative));
        Assert.Contains("bee-notes.md", listed, StringComparison.Ordinal);
        await Fixture.Server.Client.DeleteAsync(new Uri($"api/v1/collections/{collection}?confirm={collection}", UriKind.Relative));
    });

    /// <summary>Creates a collection through the API and makes it the page's current one, as a reload would.</summary>
    internal static async Task<string> OpenEmptyCollectionAsync(IPage page, HttpClient client)
    {
        var name = $"e2e-{Guid.NewGuid():N}"[..16];
        using var created = await client.PostAsJsonAsync(new Uri("api/v1/collections", UriKind.Relative), new { name });
        created.EnsureSuccessStatusCode();
        await page.EvaluateAsync("name => localStorage.setItem('chatrag.collection', name)", name);
        await page.ReloadAsync();
        return name;
    }

    private Task<string> OpenEmptyCollectionAsync(IPage page) => OpenEmptyCollectionAsync(page, Fixture.Server.Client);
}
