using Bunit;
using ChatRag.Web.Api;
using ChatRag.Web.Pages;

namespace ChatRag.Web.Tests;

public sealed class ChatStreamingTests : WebTestContext
{
    [Fact]
    public async Task Deltas_are_appended_as_they_arrive_and_Stop_disappears_when_done()
    {
        var page = Render<ChatPage>();
        await SendAsync(page, "What lowers blood pressure?");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("button.stop")));
        Assert.Equal("Stop", page.Find("button.stop").TextContent);
        Assert.Contains("What lowers blood pressure?", page.Find(".message.user").TextContent, StringComparison.Ordinal);

        await Api.ChatEvents.Writer.WriteAsync(ChatStreamEvent.Delta("Regular "));
        page.WaitForAssertion(() => Assert.Contains("Regular", page.Find(".message.assistant").TextContent, StringComparison.Ordinal));

        await Api.ChatEvents.Writer.WriteAsync(ChatStreamEvent.Delta("**exercise** helps [1]."));
        page.WaitForAssertion(() => Assert.Equal("exercise", page.Find(".message.assistant strong").TextContent));
        Assert.Contains("Regular", page.Find(".message.assistant").TextContent, StringComparison.Ordinal);
        Assert.Equal("Source 1", page.Find(".message.assistant button.cite").GetAttribute("aria-label"));

        var citation = Samples.Citation(1);
        await Api.ChatEvents.Writer.WriteAsync(ChatStreamEvent.Cited(citation));
        await Api.ChatEvents.Writer.WriteAsync(ChatStreamEvent.Completed(Samples.Response("Regular **exercise** helps [1].", citation)));
        Api.ChatEvents.Writer.Complete();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("button.stop")));
        Assert.Equal("generative", page.Find(".mode-badge").TextContent);
        Assert.Equal("default", Assert.Single(Api.ChatRequests).Collection);
    }

    [Fact]
    public async Task Stop_cancels_the_stream_and_says_so()
    {
        var page = Render<ChatPage>();
        await SendAsync(page, "Tell me everything");
        await Api.ChatEvents.Writer.WriteAsync(ChatStreamEvent.Delta("Partial answer"));
        page.WaitForAssertion(() => Assert.Contains("Partial answer", page.Find(".message.assistant").TextContent, StringComparison.Ordinal));

        await page.Find("button.stop").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Stopped.", page.Find(".message.assistant").TextContent, StringComparison.Ordinal));
        Assert.True(Api.ChatCancelled);
        Assert.Empty(page.FindAll("button.stop"));
    }

    [Fact]
    public async Task An_error_event_is_shown_as_a_readable_message()
    {
        var page = Render<ChatPage>();
        await SendAsync(page, "Question");
        await Api.ChatEvents.Writer.WriteAsync(ChatStreamEvent.Failed(new ApiProblem(404, "Unknown collection", "Collection 'x' does not exist.")));
        Api.ChatEvents.Writer.Complete();

        page.WaitForAssertion(() => Assert.Contains("Unknown collection", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Collection 'x' does not exist.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_request_points_to_the_settings()
    {
        Api.Failure = new ApiException(new ApiProblem(401, "Unauthorized", "A valid X-Api-Key header is required."));
        var page = Render<ChatPage>();
        await SendAsync(page, "Question");

        page.WaitForAssertion(() => Assert.Contains("X-Api-Key", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("settings", page.Find("[role=alert] a").GetAttribute("href"));
    }
}
