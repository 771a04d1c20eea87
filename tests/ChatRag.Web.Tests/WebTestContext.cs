using Bunit;
using ChatRag.Web.Api;
using ChatRag.Web.State;
using ChatRag.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

/// <summary>A bUnit context with the client's services replaced by hand-written fakes.</summary>
public abstract class WebTestContext : BunitContext
{
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
}
