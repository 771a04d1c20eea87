namespace ChatRag.Core.Retrieval;

/// <summary>A search request that cannot be served as asked (empty or oversized query, bad top); maps to HTTP 400.</summary>
public sealed class QueryRejectedException(string message) : ArgumentException(message);
