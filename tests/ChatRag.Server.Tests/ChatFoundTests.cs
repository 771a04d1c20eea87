namespace ChatRag.Server.Tests;

/// <summary>
/// <c>found</c> on the chat response: true when the documents answer, false with a plain statement and no citations
/// when they do not (gibberish, or a question that shares words with them but asks what they do not say).
/// </summary>
public sealed class ChatFoundTests(ChatRagServerFixture fixture) : IClassFixture<ChatRagServerFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    [Fact]
    public async Task A_question_the_documents_answer_is_found_with_citations()
    {
        var body = await client.AskAsync(new { message = "Which planet has the Great Red Spot storm?" });

        Assert.True(body.GetProperty("found").GetBoolean());
        Assert.NotEmpty(body.GetProperty("citations").EnumerateArray());
        Assert.True(body.GetProperty("trace").GetProperty("evidence").GetProperty("found").GetBoolean());
    }

    [Theory]
    [InlineData("asdfgh qwerty")]
    [InlineData("What is the salary of the bakery shift manager?")]
    [InlineData("How many moons does the bakery have?")]
    public async Task A_question_the_documents_do_not_answer_says_so_plainly_without_citations(string question)
    {
        var body = await client.AskAsync(new { message = question });

        Assert.False(body.GetProperty("found").GetBoolean());
        Assert.Empty(body.GetProperty("citations").EnumerateArray());
        var answer = body.GetProperty("answer").GetString()!;
        Assert.Contains("could not find", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("[", answer, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("trace").GetProperty("evidence").GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task The_streamed_done_event_carries_found()
    {
        var events = await client.StreamAsync(new { message = "asdfgh qwerty", stream = true });

        Assert.Equal("done", events[^1].Name);
        Assert.False(events[^1].Data.GetProperty("found").GetBoolean());
        Assert.DoesNotContain(events, e => e.Name == "citation");
    }
}
