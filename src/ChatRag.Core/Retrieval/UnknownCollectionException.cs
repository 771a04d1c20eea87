namespace ChatRag.Core.Retrieval;

/// <summary>The request names a collection that does not exist; maps to HTTP 404.</summary>
public sealed class UnknownCollectionException(string collection)
    : KeyNotFoundException($"Collection '{collection}' does not exist.")
{
    /// <summary>The missing collection.</summary>
    public string Collection { get; } = collection;
}
