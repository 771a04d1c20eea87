using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatRag.Storage.Sqlite.Conversations;

/// <summary>The one place the conversations context's provider options are set (runtime and design time agree).</summary>
public static class ConversationsDbContextOptions
{
    /// <summary>Configures SQLite with this context's own migrations history table.</summary>
    public static void Configure(DbContextOptionsBuilder builder, SqliteConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        builder.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsHistoryTable(ConversationsDbContext.HistoryTable)).AddInterceptors(settings)
            // Dropping a column rebuilds the table with foreign keys off, which SQLite cannot do inside a transaction; the
            // one migration that does it (ConversationOwnerKeyId) runs once per database and needs no warning on a first run.
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
    }
}
