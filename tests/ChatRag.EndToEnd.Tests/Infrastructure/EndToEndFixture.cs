namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>The server as installed without a language model: extractive answers, the bundled encoder.</summary>
public sealed class EndToEndFixture : ServerAndBrowserFixture
{
    /// <inheritdoc />
    protected override Task<IReadOnlyDictionary<string, string>> ServerSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}
