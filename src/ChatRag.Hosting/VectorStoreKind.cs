namespace ChatRag.Hosting;

/// <summary>Where vectors live (<c>ChatRag:VectorStore</c>, bound case-insensitively).</summary>
public enum VectorStoreKind
{
    /// <summary>The embedded index in the data directory (default).</summary>
    Embedded,

    /// <summary>A Qdrant server (<c>ChatRag:Qdrant:*</c>).</summary>
    Qdrant,
}
