namespace ChatRag.VectorStore.Embedded;

/// <summary>Scalar type the HNSW graph stores (<c>ChatRag:VectorIndex:AnnQuantization</c>, bound case-insensitively).</summary>
public enum AnnQuantization
{
    /// <summary>Full float32 rows.</summary>
    F32,

    /// <summary>Half precision.</summary>
    F16,

    /// <summary>8-bit integers (default): the smallest and fastest; hits are re-scored exactly anyway.</summary>
    I8,
}
