namespace ChatRag.Server.Tests;

/// <summary>The evidence bar guards the generative path: passages that do not answer get no model call and no invented answer.</summary>
public sealed class ChatGenerativeNotFoundTests(ChatGenerativeFixture fixture) : IClassFixture<ChatGenerativeFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    [Fact]
    public async Task Gibberish_is_not_found_and_the_model_is_not_asked()
    {
        var before = fixture.Model.Requests.Count;

        var body = await client.AskAsync(new { message = "asdfgh qwerty" });

        Assert.False(body.GetProperty("found").GetBoolean());
        Assert.Empty(body.GetProperty("citations").EnumerateArray());
        Assert.Contains("could not find", body.GetProperty("answer").GetString()!, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Model.Requests.Count);
        Assert.Contains("not asked", body.GetProperty("trace").GetProperty("note").GetString()!, StringComparison.Ordinal);
    }
}
