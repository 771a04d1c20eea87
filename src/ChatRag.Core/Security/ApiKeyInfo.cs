namespace ChatRag.Core.Security;

/// <summary>What is known about an API key, never the key itself.</summary>
/// <param name="Id">Key id.</param>
/// <param name="Name">Human-readable name given at creation.</param>
/// <param name="Collection">The one collection the key may use, or null for all.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="LastUsedAt">Last successful validation (UTC), when known.</param>
/// <param name="Revoked">Whether the key has been revoked.</param>
public sealed record ApiKeyInfo(
    Guid Id,
    string Name,
    string? Collection,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    bool Revoked);
