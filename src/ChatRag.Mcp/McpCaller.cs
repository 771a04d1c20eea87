namespace ChatRag.Mcp;

/// <summary>
/// Who calls the MCP tools and what they may see: the server builds it from the authenticated API key (the same
/// scope rules as the REST API), the stdio host of the CLI from nothing (a local user owns the data directory).
/// </summary>
/// <param name="Collection">The one collection the caller's key is limited to, or null for every collection.</param>
/// <param name="Owner">The key id conversations belong to when the key is scoped, else null (as for <c>/api/v1/chat</c>).</param>
public sealed record McpCaller(string? Collection, Guid? Owner)
{
    /// <summary>The collection used when a tool call names none.</summary>
    public const string DefaultCollectionName = "default";

    /// <summary>A caller that may see every collection (the local stdio server).</summary>
    public static McpCaller Unscoped { get; } = new(null, null);

    /// <summary>The collection a call means: the one it names (trimmed), else the key's own, else <c>default</c>.</summary>
    public string Resolve(string? requested) =>
        string.IsNullOrWhiteSpace(requested) ? Collection ?? DefaultCollectionName : requested.Trim();

    /// <summary>Whether the caller may read <paramref name="collection"/>.</summary>
    public bool MaySee(string collection) => Collection is null || string.Equals(Collection, collection, StringComparison.Ordinal);
}
