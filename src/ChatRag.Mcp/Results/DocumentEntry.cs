namespace ChatRag.Mcp.Results;

/// <summary>One document listed by <c>list_documents</c>.</summary>
/// <param name="Id">The document id (for <c>read_document</c>).</param>
/// <param name="Name">Its file name.</param>
/// <param name="Collection">Its collection.</param>
/// <param name="Status">queued, processing, ready or failed; only ready documents are searchable.</param>
/// <param name="Passages">Passages indexed.</param>
/// <param name="CreatedAt">Upload time (UTC).</param>
public sealed record DocumentEntry(Guid Id, string Name, string Collection, string Status, int Passages, DateTime CreatedAt);
