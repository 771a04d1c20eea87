namespace ChatRag.Core.Indexing;

/// <summary>A nearest-neighbour query restricted to some collections.</summary>
/// <param name="Vector">Query embedding, L2-normalised, in the same space as the stored vectors.</param>
/// <param name="Top">How many hits to return at most.</param>
/// <param name="Collections">Only chunks of these collections may be returned; the filter is applied inside the index search.</param>
public sealed record VectorQuery(ReadOnlyMemory<float> Vector, int Top, IReadOnlyCollection<string> Collections)
{
    /// <summary>
    /// When set, only chunks of these documents (within <see cref="Collections"/>) may be returned: like the collection
    /// filter it is applied inside the index search, so the top-k is taken among the chosen documents. An empty set
    /// matches nothing; null means every document of the collections.
    /// </summary>
    public IReadOnlyCollection<Guid>? Documents { get; init; }
}
