namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>Every browser test class joins this collection, so they share one server and browser and run in turn.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "EndToEnd";
}
