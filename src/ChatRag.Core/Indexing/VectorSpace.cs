namespace ChatRag.Core.Indexing;

/// <summary>A named embedding space: one per encoder model, since vectors of different models do not mix.</summary>
/// <param name="Name">Stable name, for example <c>arctic-xs</c>; safe as a file or collection name.</param>
/// <param name="Dimensions">Vector length.</param>
public sealed record VectorSpace(string Name, int Dimensions);
