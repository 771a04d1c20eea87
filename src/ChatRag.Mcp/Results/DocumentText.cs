namespace ChatRag.Mcp.Results;

/// <summary>What <c>read_document</c> returns.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Name">Its file name.</param>
/// <param name="Collection">Its collection.</param>
/// <param name="TotalPassages">Passages in the whole document.</param>
/// <param name="Passages">The passages read (the selected page or section, or all), in reading order.</param>
/// <param name="Truncated">True when the passages were cut at the size limit: read a page or section to see the rest.</param>
public sealed record DocumentText(Guid DocumentId, string Name, string Collection, int TotalPassages, IReadOnlyList<DocumentPassage> Passages, bool Truncated);
