namespace ChatRag.Mcp.Results;

/// <summary>What <c>search_documents</c> returns.</summary>
/// <param name="Collection">The collection searched.</param>
/// <param name="Mode">The signals used: hybrid, dense or lexical.</param>
/// <param name="Results">The passages, best first; empty when nothing matched.</param>
public sealed record SearchAnswer(string Collection, string Mode, IReadOnlyList<SearchHit> Results);
