using ChatRag.Storage.Sqlite.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatRag.Storage.Sqlite.Configurations;

internal sealed class ChunkConfiguration : IEntityTypeConfiguration<ChunkEntity>
{
    public void Configure(EntityTypeBuilder<ChunkEntity> builder)
    {
        builder.ToTable("Chunks");
        builder.HasKey(c => c.Id);

        // INTEGER PRIMARY KEY AUTOINCREMENT: the id is the rowid (FTS5 external content needs that) and is never reused.
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Collection).IsRequired();
        builder.Property(c => c.Text).IsRequired();
        builder.HasOne(c => c.Document)
            .WithMany(d => d.Chunks)
            .HasForeignKey(c => c.DocumentId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.DocumentId, c.Ordinal }).IsUnique();
        builder.HasIndex(c => c.Collection);

        // Lets a query find the languages of the searched collections with a few index seeks.
        builder.HasIndex(c => new { c.Collection, c.Language });
    }
}
