using System.Security.Cryptography;
using System.Text;
using ChatRag.Core.Security;
using ChatRag.Storage.Sqlite.Diagnostics;
using ChatRag.Storage.Sqlite.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatRag.Storage.Sqlite.Security;

/// <summary>
/// <see cref="IApiKeyStore"/> in SQLite. Keys are <c>crk_</c> + 32 random bytes in base64url; only the SHA-256 of the
/// whole key is stored. Validation hashes the presented key and looks the hash up through a unique index, so the
/// time taken does not depend on how much of a guess matches a real key.
/// </summary>
public sealed class SqliteApiKeyStore(IDbContextFactory<ChatRagDbContext> contexts, TimeProvider clock) : IApiKeyStore
{
    /// <summary>Prefix of every key, so leaked keys are easy to recognise and scan for.</summary>
    public const string Prefix = "crk_";

    private const int KeyBytes = 32;

    // A used key's LastUsedAt is written at most this often, so validation stays a read on the hot path.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public async Task<CreatedApiKey> CreateAsync(string name, string? collection = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (collection is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        }

        var key = Prefix + Base64Url(RandomNumberGenerator.GetBytes(KeyBytes));
        var entity = new ApiKeyEntity
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            KeyHash = Hash(key),
            Collection = collection,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new CreatedApiKey(ToInfo(entity), key);
    }

    /// <inheritdoc />
    public async Task<ApiKeyInfo?> ValidateAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 256 || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            SqliteStorageTelemetry.KeyValidations.Add(1, new KeyValuePair<string, object?>("outcome", "malformed"));
            return null;
        }

        var hash = Hash(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var entity = await db.ApiKeys.SingleOrDefaultAsync(k => k.KeyHash == hash, cancellationToken).ConfigureAwait(false);

        // The index lookup matched the hash; compare again in constant time so no early-exit string compare is involved.
        if (entity is null || entity.RevokedAt is not null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entity.KeyHash), Encoding.ASCII.GetBytes(hash)))
        {
            SqliteStorageTelemetry.KeyValidations.Add(1, new KeyValuePair<string, object?>("outcome", entity is null ? "unknown" : "revoked"));
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (entity.LastUsedAt is null || now - entity.LastUsedAt.Value >= LastUsedResolution)
        {
            entity.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        SqliteStorageTelemetry.KeyValidations.Add(1, new KeyValuePair<string, object?>("outcome", "valid"));
        return ToInfo(entity);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        return keys.Select(ToInfo).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var entity = await db.ApiKeys.FindAsync([id], cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return false;
        }

        entity.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<bool> AnyActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ApiKeys.AnyAsync(k => k.RevokedAt == null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> AnyCreatedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ApiKeys.AnyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes, as stored.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiKeyInfo ToInfo(ApiKeyEntity e) => new(
        e.Id,
        e.Name,
        e.Collection,
        new DateTimeOffset(DateTime.SpecifyKind(e.CreatedAt, DateTimeKind.Utc)),
        e.LastUsedAt is { } used ? new DateTimeOffset(DateTime.SpecifyKind(used, DateTimeKind.Utc)) : null,
        e.RevokedAt is not null);
}
