using ChatRag.Storage.Sqlite.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatRag.Storage.Sqlite.Configurations;

internal sealed class IngestionJobConfiguration : IEntityTypeConfiguration<IngestionJobEntity>
{
    public void Configure(EntityTypeBuilder<IngestionJobEntity> builder)
    {
        builder.ToTable("IngestionJobs");
        builder.HasKey(j => j.DocumentId);
        builder.Property(j => j.DocumentId).ValueGeneratedNever();
        builder.Property(j => j.StoredFile).IsRequired();
        builder.Property(j => j.ContentType).IsRequired();
        builder.Property(j => j.State).IsRequired().HasMaxLength(20);

        // Claims scan queued jobs oldest first.
        builder.HasIndex(j => new { j.State, j.QueuedAt });
    }
}
