using ChatRag.Core.Documents;
using ChatRag.Core.Indexing;
using ChatRag.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>
/// The real server over a fresh data directory (real SQLite file, real embedded index, the real bundled encoder),
/// driven through real HTTP semantics by WebApplicationFactory.
/// </summary>
/// <remarks>
/// Anonymous mode unless <paramref name="settings"/> say otherwise (a null value removes a default); pass
/// <paramref name="dataDirectory"/> to start a second server on the same data (it is then not deleted on dispose).
/// </remarks>
public sealed class ChatRagServerFactory(IReadOnlyDictionary<string, string?>? settings = null, string? dataDirectory = null) : WebApplicationFactory<ServerMarker>
{
    private readonly bool ownsData = dataDirectory is null;

    /// <summary>The data directory of this server.</summary>
    public string DataDirectory { get; } = dataDirectory ?? Directory.CreateTempSubdirectory("chatrag-server").FullName;

    /// <summary>Shared extracted models, so every test run extracts the bundled encoder once.</summary>
    public static string ModelsDirectory { get; } = Path.Combine(Path.GetTempPath(), "chatrag-test-models");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ChatRag:DataDirectory", DataDirectory);
        builder.UseSetting("ChatRag:ModelsDirectory", ModelsDirectory);
        builder.UseSetting("ChatRag:Limits:MaxJsonBodyBytes", "65536");

        // Most tests exercise features, not access: they run open on purpose. Access tests pass their own mode.
        var all = new Dictionary<string, string?> { ["ChatRag:Auth:Mode"] = "Anonymous" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            if (value is not null)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    /// <summary>Stores and indexes a one-chunk document directly through the engine's services.</summary>
    public async Task<Guid> AddDocumentAsync(string collection, string name, params string[] chunks)
    {
        var documents = Services.GetRequiredService<IDocumentRepository>();
        var indexer = Services.GetRequiredService<ChunkIndexer>();
        var id = Guid.NewGuid();
        await documents.EnsureCollectionAsync(collection);
        var stored = await documents.AddDocumentAsync(
            new NewDocument(id, name, collection, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", chunks) + id)))),
            chunks.Select((text, i) => new NewChunk(i, text, Page: i + 1, EndOffset: text.Length)).ToList());
        await indexer.IndexAsync(stored);
        return id;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsData)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A native index may still hold a file for a moment; the OS temp cleaner gets it.
            }
        }
    }
}
