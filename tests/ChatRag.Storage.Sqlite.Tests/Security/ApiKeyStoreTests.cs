using System.Text;
using ChatRag.Storage.Sqlite.Security;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Tests.Security;

public sealed class ApiKeyStoreTests
{
    [Fact]
    public async Task Created_key_validates_with_its_scope()
    {
        await using var storage = await TempStorage.CreateAsync();
        Assert.False(await storage.Keys.AnyActiveAsync());

        var created = await storage.Keys.CreateAsync("ci", "team-a");
        var info = await storage.Keys.ValidateAsync(created.Key);

        Assert.StartsWith("crk_", created.Key, StringComparison.Ordinal);
        Assert.Equal(47, created.Key.Length);
        Assert.DoesNotContain(created.Key, created.ToString(), StringComparison.Ordinal);
        Assert.NotNull(info);
        Assert.Equal((created.Info.Id, "ci", "team-a", false), (info.Id, info.Name, info.Collection, info.Revoked));
        Assert.NotNull(info.LastUsedAt);
        Assert.True(await storage.Keys.AnyActiveAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("crk_")]
    [InlineData("not-a-key")]
    [InlineData("crk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Unknown_or_malformed_keys_do_not_validate(string key)
    {
        await using var storage = await TempStorage.CreateAsync();
        await storage.Keys.CreateAsync("real");

        Assert.Null(await storage.Keys.ValidateAsync(key));
    }

    [Fact]
    public async Task Keys_are_unique_and_a_near_miss_fails()
    {
        await using var storage = await TempStorage.CreateAsync();
        var a = await storage.Keys.CreateAsync("a");
        var b = await storage.Keys.CreateAsync("b");

        Assert.NotEqual(a.Key, b.Key);
        Assert.Null(await storage.Keys.ValidateAsync(a.Key[..^1] + (a.Key[^1] == 'A' ? 'B' : 'A')));
        Assert.Equal(["a", "b"], (await storage.Keys.ListAsync()).Select(k => k.Name));
    }

    [Fact]
    public async Task Revoked_keys_stop_validating()
    {
        await using var storage = await TempStorage.CreateAsync();
        var created = await storage.Keys.CreateAsync("temp");

        Assert.True(await storage.Keys.RevokeAsync(created.Info.Id));
        Assert.False(await storage.Keys.RevokeAsync(Guid.NewGuid()));

        Assert.Null(await storage.Keys.ValidateAsync(created.Key));
        Assert.False(await storage.Keys.AnyActiveAsync());
        Assert.True(Assert.Single(await storage.Keys.ListAsync()).Revoked);
    }

    [Fact]
    public async Task A_revoked_key_still_counts_as_created()
    {
        await using var storage = await TempStorage.CreateAsync();
        Assert.False(await storage.Keys.AnyCreatedAsync());

        var created = await storage.Keys.CreateAsync("leaked");
        await storage.Keys.RevokeAsync(created.Info.Id);

        // The server's default mode stays "API keys" after the last key is revoked; the row is what remembers it.
        Assert.True(await storage.Keys.AnyCreatedAsync());
    }

    [Fact]
    public async Task Only_the_hash_is_stored()
    {
        await using var storage = await TempStorage.CreateAsync();
        var created = await storage.Keys.CreateAsync("secret");
        await storage.Keys.ValidateAsync(created.Key);

        await using (var connection = await storage.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT KeyHash FROM ApiKeys";
            Assert.Equal(SqliteApiKeyStore.Hash(created.Key), (string?)await command.ExecuteScalarAsync());
        }

        await storage.Provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        var secret = Encoding.UTF8.GetBytes(created.Key[4..]);
        foreach (var file in Directory.GetFiles(storage.Directory))
        {
            Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(secret) < 0, $"{Path.GetFileName(file)} holds the plaintext key");
        }
    }

    [Fact]
    public async Task Keys_survive_a_restart()
    {
        await using var storage = await TempStorage.CreateAsync();
        var created = await storage.Keys.CreateAsync("durable");

        await storage.RestartAsync();

        Assert.NotNull(await storage.Keys.ValidateAsync(created.Key));
    }
}
