namespace ChatRag.Core.Indexing;

/// <summary>Thrown when a space exists with dimensions other than the encoder's: mixing them would corrupt search.</summary>
public sealed class VectorSpaceMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception with a message naming both sizes.</summary>
    public VectorSpaceMismatchException(string space, int existing, int requested)
        : base($"Vector space '{space}' holds {existing}-dimensional vectors but the encoder produces {requested}; re-index with a new space name or remove the old index.")
    {
        Space = space;
        Existing = existing;
        Requested = requested;
    }

    /// <summary>The space name.</summary>
    public string Space { get; }

    /// <summary>Dimensions stored.</summary>
    public int Existing { get; }

    /// <summary>Dimensions requested.</summary>
    public int Requested { get; }
}
