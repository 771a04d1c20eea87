using ChatRag.Storage.Sqlite.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatRag.Storage.Sqlite.Configurations;

internal sealed class RuntimeSettingConfiguration : IEntityTypeConfiguration<RuntimeSettingEntity>
{
    public void Configure(EntityTypeBuilder<RuntimeSettingEntity> builder)
    {
        builder.ToTable("RuntimeSettings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).IsRequired().HasMaxLength(1000);
    }
}
