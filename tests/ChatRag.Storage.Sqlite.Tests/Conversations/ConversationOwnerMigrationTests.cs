using ChatRag.Core.Conversations;
using ChatRag.Core.Security;
using ChatRag.Storage.Sqlite.Conversations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Storage.Sqlite.Tests.Conversations;

/// <summary>Conversations owned by a key name before migration <c>ConversationOwnerKeyId</c>, upgraded in place.</summary>
public sealed class ConversationOwnerMigrationTests
{
    [Fact]
    public async Task A_name_only_one_key_ever_had_becomes_its_id_and_an_ambiguous_name_loses_its_owner()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatrag-sqlite-tests", Guid.NewGuid().ToString("N"));
        var provider = new ServiceCollection()
            .AddSqliteStorage(new SqliteStorageSettings(directory))
            .AddSqliteConversations()
            .BuildServiceProvider();
        try
        {
            await provider.InitializeStorageAsync();
            var contexts = provider.GetRequiredService<IDbContextFactory<ConversationsDbContext>>();
            await using (var db = await contexts.CreateDbContextAsync())
            {
                await db.GetService<IMigrator>().MigrateAsync("20261127064803_InitialConversations");
            }

            var keys = provider.GetRequiredService<IApiKeyStore>();
            var solo = await keys.CreateAsync("solo", "default");
            await keys.RevokeAsync(solo.Info.Id); // revoked keys are kept, and still name their conversations
            await keys.CreateAsync("twice", "default");
            await keys.CreateAsync("twice", "default");
            var soloConversation = await InsertLegacyAsync(provider, "solo");
            var ambiguous = await InsertLegacyAsync(provider, "twice");
            var orphan = await InsertLegacyAsync(provider, "nobody");
            var shared = await InsertLegacyAsync(provider, null);

            await provider.InitializeConversationsAsync();

            var store = provider.GetRequiredService<IConversationStore>();
            Assert.Equal(solo.Info.Id, (await store.GetAsync(soloConversation))!.Owner);
            Assert.Null((await store.GetAsync(ambiguous))!.Owner);
            Assert.Null((await store.GetAsync(orphan))!.Owner);
            Assert.Null((await store.GetAsync(shared))!.Owner);
            Assert.Equal([soloConversation], (await store.ListAsync(solo.Info.Id, null, 10)).Select(c => c.Id));
        }
        finally
        {
            await provider.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<Guid> InsertLegacyAsync(IServiceProvider provider, string? ownerName)
    {
        var id = Guid.NewGuid();
        await using var connection = await provider.GetRequiredService<SqliteConnectionSettings>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO Conversations (Id, Title, Collection, Owner, CreatedAt, UpdatedAt) VALUES ($id, 't', 'default', $owner, '2026-11-30 10:00:00', '2026-11-30 10:00:00')";
        command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$owner", (object?)ownerName ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
