namespace ChatRag.VectorStore.Qdrant;

/// <summary>Names ChatRag uses inside a Qdrant collection; the in-memory test client and the docs rely on them.</summary>
public static class QdrantSchema
{
    /// <summary>Named dense vector holding the encoder embedding (cosine).</summary>
    public const string DenseVector = "dense";

    /// <summary>Named sparse vector holding BM25 term weights (IDF modifier).</summary>
    public const string SparseVector = "bm25";

    /// <summary>Payload field with the ChatRag collection; keyword index with <c>is_tenant=true</c>.</summary>
    public const string CollectionField = "collection";

    /// <summary>Payload field with the owning document id ("D" format GUID); keyword index, used by deletes and by searches over chosen documents.</summary>
    public const string DocumentIdField = "document_id";

    /// <summary>Payload field with the chunk id (also the point id).</summary>
    public const string ChunkIdField = "chunk_id";
}
