namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>Browser tests against the server that has an API key.</summary>
[CollectionDefinition(Name)]
public sealed class ApiKeyCollection : ICollectionFixture<ApiKeyFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "EndToEnd.ApiKeys";
}
