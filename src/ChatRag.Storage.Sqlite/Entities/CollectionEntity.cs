namespace ChatRag.Storage.Sqlite.Entities;

/// <summary>A named set of documents; searches and API keys are scoped by collection.</summary>
public sealed class CollectionEntity
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Unique name (case-sensitive), referenced by documents and chunks.</summary>
    public required string Name { get; set; }

    /// <summary>What people call it; a rename changes only this, never <see cref="Name"/>. Null shows the name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>What the collection holds, in its owner's words.</summary>
    public string? Description { get; set; }

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Documents of the collection.</summary>
    public List<DocumentEntity> Documents { get; } = [];
}
