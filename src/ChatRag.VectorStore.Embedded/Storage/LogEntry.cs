namespace ChatRag.VectorStore.Embedded.Storage;

/// <summary>One replayed journal record: an upsert (with vector) or a delete (vector empty).</summary>
internal readonly ref struct LogEntry(bool isDelete, long chunkId, Guid documentId, ReadOnlySpan<float> vector, long offset)
{
    public bool IsDelete { get; } = isDelete;

    public long ChunkId { get; } = chunkId;

    public Guid DocumentId { get; } = documentId;

    public ReadOnlySpan<float> Vector { get; } = vector;

    /// <summary>Byte offset of the record in the file, so a saved graph can catch up from where it was saved.</summary>
    public long Offset { get; } = offset;
}
