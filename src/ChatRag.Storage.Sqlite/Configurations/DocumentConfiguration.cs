using ChatRag.Storage.Sqlite.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatRag.Storage.Sqlite.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<DocumentEntity>
{
    public void Configure(EntityTypeBuilder<DocumentEntity> builder)
    {
        builder.ToTable("Documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Collection).IsRequired();
        builder.Property(d => d.Name).IsRequired();
        builder.Property(d => d.ContentHash).IsRequired();
        builder.Property(d => d.Status).IsRequired().HasMaxLength(20);

        // Referencing the collection by name keeps the chunk's denormalised copy and the document's value identical.
        builder.HasOne(d => d.CollectionEntity)
            .WithMany(c => c.Documents)
            .HasForeignKey(d => d.Collection)
            .HasPrincipalKey(c => c.Name)
            .OnDelete(DeleteBehavior.Cascade);

        // The same bytes uploaded twice into one collection are a duplicate, not a second document.
        builder.HasIndex(d => new { d.Collection, d.ContentHash }).IsUnique();
        builder.HasIndex(d => new { d.Collection, d.ExternalId });
        builder.HasIndex(d => d.Status);
    }
}
