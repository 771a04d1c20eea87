using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatRag.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a host.</summary>
public sealed class ChatRagDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ChatRagDbContext>
{
    /// <inheritdoc />
    public ChatRagDbContext CreateDbContext(string[] args)
    {
        var settings = new SqliteConnectionSettings(new SqliteStorageSettings(Path.Combine(Path.GetTempPath(), "chatrag-design")));
        return new ChatRagDbContext(new DbContextOptionsBuilder<ChatRagDbContext>().UseSqlite(settings.ConnectionString).Options);
    }
}
