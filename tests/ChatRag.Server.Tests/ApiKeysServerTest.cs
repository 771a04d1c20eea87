using ChatRag.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>A test class with its own server in <c>ApiKeys</c> mode, its key store and clients that send a key.</summary>
public abstract class ApiKeysServerTest : IAsyncLifetime
{
    private protected ChatRagServerFactory Factory { get; } = new(new Dictionary<string, string?> { ["ChatRag:Auth:Mode"] = "ApiKeys" });

    private protected IApiKeyStore Keys => Factory.Services.GetRequiredService<IApiKeyStore>();

    public Task InitializeAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A client that sends <paramref name="key"/> in <c>X-Api-Key</c>.</summary>
    private protected HttpClient Client(string key)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
