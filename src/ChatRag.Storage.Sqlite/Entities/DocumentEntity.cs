namespace ChatRag.Storage.Sqlite.Entities;

/// <summary>A document of a collection: metadata and processing state; its text lives in its chunks.</summary>
public sealed class DocumentEntity
{
    /// <summary>Id chosen by the caller.</summary>
    public Guid Id { get; set; }

    /// <summary>Name of the owning collection.</summary>
    public required string Collection { get; set; }

    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>Hex SHA-256 of the original bytes; unique within a collection.</summary>
    public required string ContentHash { get; set; }

    /// <summary>Id in an outside corpus, when imported from one.</summary>
    public string? ExternalId { get; set; }

    /// <summary>Processing state: one of <see cref="DocumentStatus"/>'s values.</summary>
    public required string Status { get; set; }

    /// <summary>Why processing failed, in words a person can act on.</summary>
    public string? Error { get; set; }

    /// <summary>Number of chunks stored.</summary>
    public int ChunkCount { get; set; }

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last change (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>The owning collection.</summary>
    public CollectionEntity? CollectionEntity { get; set; }

    /// <summary>The document's chunks.</summary>
    public List<ChunkEntity> Chunks { get; } = [];
}
