using ChatRag.Core.Documents;

namespace ChatRag.Chat.Tools;

/// <summary>What <see cref="DocumentReader"/> found.</summary>
/// <param name="DocumentName">The document's display name.</param>
/// <param name="TotalChunks">Chunks the whole document has.</param>
/// <param name="Chunks">The chunks asked for, in reading order (empty when the page or section matched nothing).</param>
public sealed record DocumentPassages(string DocumentName, int TotalChunks, IReadOnlyList<ChunkRecord> Chunks);
