using Bunit;
using ChatRag.Contracts.Chat;
using ChatRag.Web.Api;
using ChatRag.Web.Pages;
using ChatRag.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

/// <summary>
/// What the chat page does with work still out when the user moves on: a turn still streaming when the page is left, a
/// turn still unwinding when a new conversation starts, and a conversation that fails to load after another was opened.
/// </summary>
public sealed class ChatPageLifecycleTests : WebTestContext
{
    [Fact]
    public async Task A_turn_still_streaming_when_the_page_is_left_does_not_navigate_back_to_its_conversation()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var state = Services.GetRequiredService<AppState>();
        var chat = Render<ChatPage>();
        await SendAsync(chat, "What does it say?");
        chat.WaitForAssertion(() => Assert.Single(Api.ChatRequests));
        var version = state.ConversationsVersion;

        // The done event is on its way when the user goes to the documents page: the server has stored the turn.
        await chat.InvokeAsync(() =>
        {
            Assert.True(Api.ChatEvents.Writer.TryWrite(ChatStreamEvent.Completed(Samples.Response("It says this."))));
            navigation.NavigateTo("documents");
            _ = DisposeComponentsAsync();
        });

        // The sidebar lists the conversation; the address stays where the user went (a disposed page renders nothing to wait for).
        Assert.True(SpinWait.SpinUntil(() => state.ConversationsVersion > version, TimeSpan.FromSeconds(15)));
        Assert.Equal($"{navigation.BaseUri}documents", navigation.Uri);
    }

    [Fact]
    public async Task A_new_conversation_can_be_asked_at_once_while_the_left_turn_still_unwinds()
    {
        var state = Services.GetRequiredService<AppState>();
        var chat = Render<ChatPage>();

        // The server has not answered yet, so the first turn sees its cancellation only once it does.
        Api.HeldChat = new TaskCompletionSource();
        await SendAsync(chat, "First question?");
        chat.WaitForAssertion(() => Assert.Single(Api.ChatRequests));

        await chat.InvokeAsync(state.StartNewConversation);
        chat.Find("textarea[aria-label=Message]").Input("Second question?");

        Assert.False(chat.Find("button.send").HasAttribute("disabled"));
        Assert.Empty(chat.FindAll("button.stop"));
        await SendAsync(chat, "Second question?");
        chat.WaitForAssertion(() => Assert.Equal(2, Api.ChatRequests.Count));
        Assert.Equal("Second question?", Api.ChatRequests[1].Message);
    }

    [Fact]
    public async Task A_conversation_that_fails_to_load_after_the_user_opened_another_reports_nothing()
    {
        var slow = Guid.NewGuid();
        var shown = Guid.NewGuid();
        Api.Stored[slow] = Samples.Conversation(slow);
        Api.Stored[shown] = Samples.Conversation(shown, "Shown question?", "Shown answer.");
        var held = new TaskCompletionSource();
        Api.HeldConversations[slow] = held;
        var chat = Render<ChatPage>(p => p.Add(c => c.ConversationId, slow));
        chat.Render(p => p.Add(c => c.ConversationId, shown));
        chat.WaitForAssertion(() => Assert.Contains("Shown answer.", chat.Find(".messages").TextContent, StringComparison.Ordinal));

        // The first conversation's load fails now, after the page moved on.
        Api.Failure = new ApiException(new ApiProblem(500, "Internal Server Error", "The first conversation failed."));
        await chat.InvokeAsync(held.SetResult);
        await chat.InvokeAsync(() => { });

        Assert.Empty(chat.FindAll(".error-banner"));
        Assert.Contains("Shown answer.", chat.Find(".messages").TextContent, StringComparison.Ordinal);
        Assert.False(Renderer.UnhandledException.IsCompleted);
    }
}
