namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The server with its remote decoder pointed at <see cref="SlowChatEndpoint"/>, which streams a generative answer a
/// word at a time: slow enough to watch the text grow and to press Stop, which extractive answers (one delta) are not.
/// </summary>
public sealed class SlowDecoderFixture : ServerAndBrowserFixture
{
    private SlowChatEndpoint? endpoint;

    /// <summary>The fake OpenAI-compatible endpoint.</summary>
    public SlowChatEndpoint Endpoint => endpoint ?? throw new InvalidOperationException(BrowserLocator.MissingReason);

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (endpoint is not null)
        {
            await endpoint.DisposeAsync();
        }
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyDictionary<string, string>> ServerSettingsAsync()
    {
        endpoint = await SlowChatEndpoint.StartAsync(TimeSpan.FromMilliseconds(200));
        return new Dictionary<string, string>
        {
            ["ChatRag__Decoder__Kind"] = "OpenAI",
            ["ChatRag__Decoder__Endpoint"] = endpoint.BaseAddress.ToString(),
            ["ChatRag__Decoder__Model"] = SlowChatEndpoint.ModelName,
            ["ChatRag__Decoder__MaxRetries"] = "0",
        };
    }
}
