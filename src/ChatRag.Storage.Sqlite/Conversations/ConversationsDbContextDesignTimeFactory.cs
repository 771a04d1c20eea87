using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatRag.Storage.Sqlite.Conversations;

/// <summary>Lets <c>dotnet ef migrations add --context ConversationsDbContext</c> build the context without a host.</summary>
public sealed class ConversationsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ConversationsDbContext>
{
    /// <inheritdoc />
    public ConversationsDbContext CreateDbContext(string[] args)
    {
        var settings = new SqliteConnectionSettings(new SqliteStorageSettings(Path.Combine(Path.GetTempPath(), "chatrag-design")));
        var builder = new DbContextOptionsBuilder<ConversationsDbContext>();
        ConversationsDbContextOptions.Configure(builder, settings);
        return new ConversationsDbContext(builder.Options);
    }
}
