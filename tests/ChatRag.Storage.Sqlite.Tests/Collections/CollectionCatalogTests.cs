using ChatRag.Core.Collections;
using ChatRag.Core.Conversations;
using ChatRag.Core.Documents;
using ChatRag.Storage.Sqlite.Conversations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Storage.Sqlite.Tests.Collections;

/// <summary>The collections catalogue over a real SQLite file, and the upgrade of databases from before it.</summary>
public sealed class CollectionCatalogTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "chatrag-sqlite-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider provider = null!;

    private ICollectionCatalog Catalog => provider.GetRequiredService<ICollectionCatalog>();

    public Task InitializeAsync()
    {
        provider = new ServiceCollection()
            .AddSqliteStorage(new SqliteStorageSettings(directory))
            .AddSqliteConversations()
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Upgrade_gives_a_row_to_a_collection_only_conversations_used()
    {
        await provider.InitializeStorageAsync();
        await using (var db = await provider.GetRequiredService<IDbContextFactory<ConversationsDbContext>>().CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261206032838_ConversationOwnerKeyId");

            // Before collections were rows of their own, deleting a collection's last document left its conversations
            // pointing at a name no list showed. Written as that schema's row: today's store writes columns added later.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Conversations(Id, Title, Collection, CreatedAt, UpdatedAt) VALUES ({0}, 'Old chat', 'orphaned', {1}, {1})",
                Guid.NewGuid().ToString("D").ToUpperInvariant(), DateTime.UtcNow);
        }

        Assert.Null(await Catalog.GetAsync("orphaned"));

        await provider.InitializeConversationsAsync();

        var row = await Catalog.GetAsync("orphaned");
        Assert.NotNull(row);
        Assert.Equal(0, row.Documents);
    }

    [Fact]
    public async Task A_collection_is_created_renamed_counted_and_deleted_with_its_documents_and_conversations()
    {
        await provider.InitializeStorageAsync();
        await provider.InitializeConversationsAsync();
        Assert.True(await Catalog.CreateAsync("garden", null, "Notes from the allotment"));
        Assert.False(await Catalog.CreateAsync("garden", "Other", null));

        var documents = provider.GetRequiredService<IDocumentRepository>();
        var document = Guid.NewGuid();
        await documents.AddDocumentAsync(new NewDocument(document, "beans.md", "garden", "hash-1"), [new NewChunk(0, "Sow beans in May.")]);
        var conversations = provider.GetRequiredService<IConversationStore>();
        var chat = await conversations.CreateAsync("Beans", "garden", null);
        await conversations.AppendAsync(chat.Id, [new ConversationMessage("user", "When?", null, null, DateTimeOffset.UtcNow)]);

        var renamed = await Catalog.UpdateAsync("garden", "Allotment", "Notes from the allotment");
        Assert.Equal(new CollectionInfo("garden", "Allotment", "Notes from the allotment", 1, renamed!.CreatedAt), renamed);
        Assert.Equal(1, await documents.CountChunksAsync("garden"));

        Assert.True(await Catalog.DeleteAsync("garden"));
        Assert.False(await Catalog.DeleteAsync("garden"));
        Assert.Null(await Catalog.GetAsync("garden"));
        Assert.Empty(await documents.GetDocumentChunksAsync(document));
        Assert.Null(await conversations.GetAsync(chat.Id));
        Assert.Empty(await conversations.GetMessagesAsync(chat.Id));
        Assert.Null(await Catalog.UpdateAsync("garden", "Back", null));
    }
}
