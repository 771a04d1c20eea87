using Microsoft.EntityFrameworkCore;

namespace ChatRag.Storage.Sqlite.Conversations;

/// <summary>
/// Conversations and messages, in the same database file as <see cref="ChatRagDbContext"/> but with their own
/// migrations (<c>Migrations/Conversations</c>) and history table, so the two schemas evolve independently.
/// Mappings are inline on purpose: the main context applies every configuration class of this assembly.
/// </summary>
public sealed class ConversationsDbContext(DbContextOptions<ConversationsDbContext> options) : DbContext(options)
{
    /// <summary>Name of this context's migrations history table.</summary>
    public const string HistoryTable = "__ConversationsMigrationsHistory";

    /// <summary>Conversations.</summary>
    public DbSet<ConversationEntity> Conversations => Set<ConversationEntity>();

    /// <summary>Messages.</summary>
    public DbSet<MessageEntity> Messages => Set<MessageEntity>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ConversationEntity>(e =>
        {
            e.ToTable("Conversations");
            e.HasKey(c => c.Id);
            e.Property(c => c.Title).IsRequired().HasMaxLength(200);
            e.Property(c => c.Collection).IsRequired().HasMaxLength(128);
            e.HasIndex(c => new { c.OwnerKeyId, c.UpdatedAt });
            e.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MessageEntity>(e =>
        {
            e.ToTable("ConversationMessages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Role).IsRequired().HasMaxLength(16);
            e.Property(m => m.Content).IsRequired();
            e.HasIndex(m => new { m.ConversationId, m.Id });
        });
    }
}
