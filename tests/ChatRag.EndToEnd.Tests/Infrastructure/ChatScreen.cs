using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>The chat page, located by the accessible names DESIGN.md fixes (and web/README.md lists).</summary>
public sealed class ChatScreen(IPage page)
{
    /// <summary>The message box.</summary>
    public ILocator Message => page.GetByRole(AriaRole.Textbox, new() { Name = "Message", Exact = true });

    /// <summary>The send button.</summary>
    public ILocator Send => page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true });

    /// <summary>The stop button (present only while an answer streams).</summary>
    public ILocator Stop => page.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true });

    /// <summary>The conversation log.</summary>
    public ILocator Conversation => page.GetByRole(AriaRole.Log, new() { Name = "Conversation" });

    /// <summary>The newest assistant answer.</summary>
    public ILocator LastAnswer => Answers.Last;

    /// <summary>The panel showing a cited source.</summary>
    public ILocator SourcePanel => page.GetByRole(AriaRole.Complementary, new() { Name = "Cited source" });

    /// <summary>Citation control <c>Source n</c> in the newest answer.</summary>
    public ILocator Source(int index) => LastAnswer.GetByRole(AriaRole.Button, new() { Name = $"Source {index}", Exact = true }).First;

    /// <summary>The newest answer's thought-process toggle.</summary>
    public ILocator ThoughtProcess => LastAnswer.GetByRole(AriaRole.Button, new() { Name = "Thought process", Exact = true });

    /// <summary>All assistant answers on the page.</summary>
    public ILocator Answers => Conversation.Locator(".message.assistant");

    /// <summary>Types the question, presses Send and waits until the new answer appears (it may still stream).</summary>
    public async Task AskAsync(string question)
    {
        var before = await Answers.CountAsync();
        await Message.FillAsync(question);
        await Send.ClickAsync();
        await Expect(Answers).ToHaveCountAsync(before + 1);
    }

    /// <summary>Waits until the newest answer has finished streaming.</summary>
    public async Task WaitForAnswerAsync(int timeoutMs = 60_000) =>
        await Expect(LastAnswer).ToHaveAttributeAsync("aria-busy", "false", new() { Timeout = timeoutMs });

    /// <summary>How far the page scrolls sideways (0 when nothing overflows the viewport).</summary>
    public Task<int> HorizontalOverflowAsync() =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
}
