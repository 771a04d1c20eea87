namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>Browser tests against the extractive server share one server and browser and run in turn.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "EndToEnd";
}
