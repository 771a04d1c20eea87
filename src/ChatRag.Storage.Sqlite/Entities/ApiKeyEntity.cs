namespace ChatRag.Storage.Sqlite.Entities;

/// <summary>An API key as stored: its SHA-256 hash, never the key.</summary>
public sealed class ApiKeyEntity
{
    /// <summary>Key id.</summary>
    public Guid Id { get; set; }

    /// <summary>Human-readable name.</summary>
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the full key; unique.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The one collection the key may use, or null for all.</summary>
    public string? Collection { get; set; }

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last successful validation (UTC).</summary>
    public DateTime? LastUsedAt { get; set; }

    /// <summary>Revocation time (UTC); null while the key is valid.</summary>
    public DateTime? RevokedAt { get; set; }
}
