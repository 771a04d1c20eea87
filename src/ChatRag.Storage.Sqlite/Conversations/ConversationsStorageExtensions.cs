using ChatRag.Core.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatRag.Storage.Sqlite.Conversations;

/// <summary>Registers SQLite conversation storage (needs <see cref="SqliteStorageServiceCollectionExtensions.AddSqliteStorage"/>).</summary>
public static class ConversationsStorageExtensions
{
    /// <summary>Adds the <see cref="ConversationsDbContext"/> factory and <see cref="SqliteConversationStore"/> as <see cref="IConversationStore"/>.</summary>
    public static IServiceCollection AddSqliteConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPooledDbContextFactory<ConversationsDbContext>((sp, builder) =>
            ConversationsDbContextOptions.Configure(builder, sp.GetRequiredService<SqliteConnectionSettings>()));
        services.TryAddSingleton<IConversationStore, SqliteConversationStore>();
        return services;
    }

    /// <summary>Applies the conversations migrations; call after <see cref="SqliteStorageServiceCollectionExtensions.InitializeStorageAsync"/> (which creates the file in WAL mode).</summary>
    public static async Task InitializeConversationsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<ConversationsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
