using ChatRag.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatRag.EndToEnd.Tests;

/// <summary>
/// A generative answer streamed by a slow OpenAI-compatible decoder: the text grows in place, Stop ends it, and the
/// server hangs up on the decoder (cancellation reaches it).
/// </summary>
[Collection(SlowDecoderCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class StreamingTests(SlowDecoderFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private readonly SlowDecoderFixture slow = fixture;

    [BrowserFact]
    public Task Answer_streams_in_and_Stop_cancels_it() => WithPageAsync(async page =>
    {
        var chat = new ChatScreen(page);
        var abortedBefore = slow.Endpoint.AbortedStreams;
        await chat.AskAsync(Fixture.Seed.Question);

        await Expect(chat.LastAnswer).ToContainTextAsync("Harrow Point");
        await Expect(chat.Stop).ToBeEnabledAsync();
        await Expect(chat.Send).ToBeDisabledAsync();
        // The same element's text changes while the stream goes on: words are appended in place.
        var early = await chat.LastAnswer.InnerTextAsync();
        await Expect(chat.LastAnswer).Not.ToHaveTextAsync(early);
        Assert.True((await chat.LastAnswer.InnerTextAsync()).Length > early.Length, "The answer did not grow while streaming.");
        await Screenshots.SaveAsync(page, "streaming");

        await chat.Stop.ClickAsync();
        await Expect(chat.LastAnswer).ToContainTextAsync("Stopped");
        await Expect(chat.Stop).ToHaveCountAsync(0);
        await Expect(chat.LastAnswer).Not.ToContainTextAsync("weather diary");
        // Closing the stream in the browser cancels the decoder request on the server's side.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (slow.Endpoint.AbortedStreams == abortedBefore && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(slow.Endpoint.AbortedStreams > abortedBefore, "The decoder stream ran on after Stop.");
    });

    [BrowserFact]
    public Task Generative_answer_finishes_with_a_source() => WithPageAsync(async page =>
    {
        var chat = new ChatScreen(page);
        await chat.AskAsync(Fixture.Seed.Question);
        await chat.WaitForAnswerAsync(timeoutMs: 60_000);

        await Expect(chat.LastAnswer).ToContainTextAsync("weather diary");
        await Expect(chat.LastAnswer).ToContainTextAsync("generative");
        await chat.Source(1).ClickAsync();
        await Expect(chat.SourcePanel).ToContainTextAsync(Fixture.Seed.Name);
    });
}
