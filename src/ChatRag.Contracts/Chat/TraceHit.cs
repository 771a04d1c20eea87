namespace ChatRag.Contracts.Chat;

/// <summary>A retrieved passage as numbered in the prompt.</summary>
/// <param name="Index">Source number <c>[n]</c>.</param>
/// <param name="ChunkId">The passage id.</param>
/// <param name="DocumentId">Its document.</param>
/// <param name="DocumentName">Its document's name.</param>
/// <param name="Page">Its page, when known.</param>
/// <param name="Score">Fused retrieval score.</param>
/// <param name="Ranks">Rank per retrieval signal.</param>
public sealed record TraceHit(int Index, long ChunkId, Guid DocumentId, string DocumentName, int? Page, double Score, IReadOnlyDictionary<string, int> Ranks);
