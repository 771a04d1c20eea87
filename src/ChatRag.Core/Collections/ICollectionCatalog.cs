namespace ChatRag.Core.Collections;

/// <summary>
/// The collections that exist, with or without documents. A collection's name never changes once created: documents,
/// chunks, vector payloads, conversations and API keys all refer to it, so a rename changes only its display name and
/// nothing has to be rewritten (or can be left half rewritten) in the vector stores.
/// </summary>
public interface ICollectionCatalog
{
    /// <summary>Every collection (or only <paramref name="only"/> when not null) by name, with document counts.</summary>
    Task<IReadOnlyList<CollectionInfo>> ListAsync(string? only, CancellationToken cancellationToken = default);

    /// <summary>One collection, or null when it does not exist.</summary>
    Task<CollectionInfo?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates a collection; false when one of that name already exists (nothing changes then).</summary>
    Task<bool> CreateAsync(string name, string? displayName, string? description, CancellationToken cancellationToken = default);

    /// <summary>Sets the display name and description (null clears one); null when the collection does not exist.</summary>
    Task<CollectionInfo?> UpdateAsync(string name, string? displayName, string? description, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the collection row with whatever documents and chunks are still in it (the caller deletes documents one
    /// by one first, for their vectors and stored files) and the conversations held in it. False when it did not exist.
    /// </summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default);
}
