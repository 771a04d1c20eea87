namespace ChatRag.Core.Documents;

/// <summary>A document and its chunks, for batched writes.</summary>
public sealed record NewDocumentWithChunks(NewDocument Document, IReadOnlyList<NewChunk> Chunks);
