namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>Browser tests against the server with the slow streaming decoder.</summary>
[CollectionDefinition(Name)]
public sealed class SlowDecoderCollection : ICollectionFixture<SlowDecoderFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "EndToEnd.SlowDecoder";
}
