using ChatRag.Core.Indexing;
using ChatRag.Hosting;
using ChatRag.Storage.Sqlite;
using ChatRag.Storage.Sqlite.Lexical;
using ChatRag.Storage.Sqlite.Lexical.Rescoring;
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
            ["ChatRag:LexicalRescoring:Enabled"] = "false",
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
        Assert.Equal((true, 100, 4.0, 0.25, 0.75, 1.2, 0.25, 5), (storage.LexicalRescoring.Enabled, storage.LexicalRescoring.Candidates, storage.LexicalRescoring.TitleWeight, storage.LexicalRescoring.TitleB, storage.LexicalRescoring.BodyB, storage.LexicalRescoring.K1, storage.LexicalRescoring.ProximityWeight, storage.LexicalRescoring.ProximityWindow));
        // The default engine, wrapped by the re-scoring step that is on by default.
        Assert.IsType<RescoringLexicalIndex>(provider.GetRequiredService<ILexicalIndex>());
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

    [Fact]
    public void Lexical_rescoring_keys_reach_the_storage_adapter_and_wrap_the_chosen_engine()
    {
        using var provider = Services(new()
        {
            ["ChatRag:LexicalEngine"] = "fts5",
            ["ChatRag:LexicalRescoring:TitleWeight"] = "3",
            ["ChatRag:LexicalRescoring:Candidates"] = "50",
        }).BuildServiceProvider();

        var rescoring = provider.GetRequiredService<SqliteStorageSettings>().LexicalRescoring;

        Assert.Equal((true, 3.0, 50, 0.25), (rescoring.Enabled, rescoring.TitleWeight, rescoring.Candidates, rescoring.ProximityWeight));
        Assert.IsType<RescoringLexicalIndex>(provider.GetRequiredService<ILexicalIndex>());
    }

    [Fact]
    public void Lexical_rescoring_switched_off_leaves_the_engine_unwrapped()
    {
        using var provider = Services(new()
        {
            ["ChatRag:LexicalEngine"] = "fts5",
            ["ChatRag:LexicalRescoring:Enabled"] = "false",
        }).BuildServiceProvider();

        Assert.False(provider.GetRequiredService<SqliteStorageSettings>().LexicalRescoring.Enabled);
        Assert.IsNotType<RescoringLexicalIndex>(provider.GetRequiredService<ILexicalIndex>());
    }

    [Theory]
    [InlineData("ChatRag:LexicalRescoring:Candidates", "0")]
    [InlineData("ChatRag:LexicalRescoring:TitleB", "1.5")]
    public void Invalid_rescoring_values_fail_start_up_validation_naming_the_key(string key, string value)
    {
        using var provider = Services(new() { [key] = value }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ChatRagOptions>>().Value);
        Assert.Contains(key.Split(':', 2)[1], error.Message, StringComparison.Ordinal);
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
