namespace ChatRag.Server.Tests;

/// <summary>One server per test class with a small known corpus in two collections.</summary>
public sealed class ChatRagServerFixture : IAsyncLifetime
{
    // xUnit builds class fixtures through a parameterless constructor.
    public ChatRagServerFixture()
        : this(null)
    {
    }

    // Internal: xUnit allows a class fixture one public constructor.
    internal ChatRagServerFixture(IReadOnlyDictionary<string, string?>? settings) => Factory = new(settings);

    public ChatRagServerFactory Factory { get; }

    public async Task InitializeAsync()
    {
        _ = Factory.Server; // starts the host: schema, vector spaces
        await Factory.AddDocumentAsync("default", "planets.txt",
            "Jupiter is the largest planet; its Great Red Spot is a storm larger than Earth.",
            "Saturn's rings are made mostly of ice particles.");
        await Factory.AddDocumentAsync("default", "baking.txt", "Bread rises because yeast produces carbon dioxide.");
        await Factory.AddDocumentAsync("recipes", "soup.txt", "A storm of flavours: tomato soup with basil.");
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
