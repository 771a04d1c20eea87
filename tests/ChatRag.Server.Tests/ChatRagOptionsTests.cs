using ChatRag.Core.Indexing;
using ChatRag.Hosting;
using ChatRag.Storage.Sqlite;
using ChatRag.Storage.Sqlite.Lexical;
using ChatRag.Storage.Sqlite.Lexical.Postings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Tests;

/// <summary>
/// The <c>ChatRag</c> section is bound by <see cref="ChatRagOptions"/> alone: the storage keys it documents reach the
/// SQLite adapter through it, and are validated with it at start-up.
/// </summary>
public sealed class ChatRagOptionsTests
{
    [Fact]
    public void Storage_keys_of_the_ChatRag_section_reach_the_storage_adapter()
    {
        using var provider = Services(new()
        {
            ["ChatRag:DataDirectory"] = "some-data",
            ["ChatRag:BusyTimeoutMilliseconds"] = "2500",
            ["ChatRag:LexicalEngine"] = "fts5",
        }).BuildServiceProvider();

        var storage = provider.GetRequiredService<SqliteStorageSettings>();

        Assert.Equal("some-data", storage.DataDirectory);
        Assert.Equal(2500, storage.BusyTimeoutMilliseconds);
        Assert.IsType<SqliteLexicalIndex>(provider.GetRequiredService<ILexicalIndex>());
    }

    [Fact]
    public void Defaults_are_those_documented()
    {
        using var provider = Services([]).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ChatRagOptions>>().Value;
        var storage = provider.GetRequiredService<SqliteStorageSettings>();

        Assert.Equal(("data", "models", VectorStoreKind.Embedded), (options.DataDirectory, options.ModelsDirectory, options.VectorStore));
        Assert.Equal(("data", 10_000, LexicalEngine.Memory), (storage.DataDirectory, storage.BusyTimeoutMilliseconds, storage.LexicalEngine));
        Assert.IsType<MemoryLexicalIndex>(provider.GetRequiredService<ILexicalIndex>());
    }

    [Fact]
    public void Environment_variables_use_the_same_keys()
    {
        // A prefix of our own, so no other test's configuration sees these variables.
        var prefix = $"CHATRAG_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "ChatRag__BusyTimeoutMilliseconds", "1500");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            using var provider = new ServiceCollection().AddChatRag(configuration).BuildServiceProvider();

            Assert.Equal(1500, provider.GetRequiredService<SqliteStorageSettings>().BusyTimeoutMilliseconds);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "ChatRag__BusyTimeoutMilliseconds", null);
        }
    }

    [Theory]
    [InlineData("ChatRag:DataDirectory", " ")]
    [InlineData("ChatRag:BusyTimeoutMilliseconds", "-1")]
    [InlineData("ChatRag:BusyTimeoutMilliseconds", "600001")]
    public void Invalid_values_fail_start_up_validation_naming_the_key(string key, string value)
    {
        using var provider = Services(new() { [key] = value }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ChatRagOptions>>().Value);
        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    private static IServiceCollection Services(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddChatRag(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
}
