using ChatRag.Storage.Sqlite.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatRag.Storage.Sqlite;

/// <summary>
/// The ChatRag database. Entity mappings live in <c>Configurations/</c> (one class per entity) and the schema is
/// owned by the EF migrations in <c>Migrations/</c>; the FTS5 table and its triggers are part of those migrations.
/// </summary>
public sealed class ChatRagDbContext(DbContextOptions<ChatRagDbContext> options) : DbContext(options)
{
    /// <summary>Collections.</summary>
    public DbSet<CollectionEntity> Collections => Set<CollectionEntity>();

    /// <summary>Documents.</summary>
    public DbSet<DocumentEntity> Documents => Set<DocumentEntity>();

    /// <summary>Chunks.</summary>
    public DbSet<ChunkEntity> Chunks => Set<ChunkEntity>();

    /// <summary>Durable ingestion jobs of uploaded documents.</summary>
    public DbSet<IngestionJobEntity> IngestionJobs => Set<IngestionJobEntity>();

    /// <summary>API keys (hashes only).</summary>
    public DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();

    /// <summary>Settings an operator changed at run time (default decoder, retrieval depth).</summary>
    public DbSet<RuntimeSettingEntity> RuntimeSettings => Set<RuntimeSettingEntity>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChatRagDbContext).Assembly);
    }
}
