using Bunit;
using ChatRag.Web.Api;
using ChatRag.Web.Pages;
using ChatRag.Web.State;
using ChatRag.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

/// <summary>A bUnit context with the client's services replaced by hand-written fakes.</summary>
public abstract class WebTestContext : BunitContext
{
    static WebTestContext()
    {
        // bUnit's default of one second counts wall time, not renders: CI runs every test assembly at once on two cores,
        // and a starved dispatcher missed it there once (a streamed error event rendered after the wait gave up).
        // A wait ends as soon as its assertion passes, so a longer ceiling costs nothing when the page is right.
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
    }

    private protected WebTestContext()
    {
        Services.AddSingleton<IChatRagApi>(Api);
        Services.AddSingleton<IBrowserStorage>(Storage);
        Services.AddSingleton<IFileOpener>(Files);
        Services.AddSingleton<AppState>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private protected FakeChatRagApi Api { get; } = new();

    private protected FakeBrowserStorage Storage { get; } = new();

    private protected FakeFileOpener Files { get; } = new();

    /// <summary>
    /// Types a message into the chat page's box and sends it. Not awaited: the submit handler runs until the answer's
    /// stream ends, which the test drives afterwards.
    /// </summary>
    private protected static async Task SendAsync(IRenderedComponent<ChatPage> page, string message)
    {
        await page.Find("textarea[aria-label=Message]").InputAsync(new ChangeEventArgs { Value = message });
        _ = page.Find("form.composer").SubmitAsync();
    }
}
