using System.Globalization;
using ChatRag.Core.Settings;
using ChatRag.Storage.Sqlite.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatRag.Storage.Sqlite.Settings;

/// <summary><see cref="IRuntimeSettingsStore"/> as one row per setting in <c>RuntimeSettings</c>.</summary>
public sealed class SqliteRuntimeSettingsStore(IDbContextFactory<ChatRagDbContext> contexts, TimeProvider clock) : IRuntimeSettingsStore
{
    private const string DefaultDecoderKey = "DefaultDecoder";
    private const string RetrievalDepthKey = "RetrievalDepth";

    /// <inheritdoc />
    public async Task<RuntimeSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.RuntimeSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        return new RuntimeSettings(
            rows.GetValueOrDefault(DefaultDecoderKey),
            rows.TryGetValue(RetrievalDepthKey, out var depth) && int.TryParse(depth, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null);
    }

    /// <inheritdoc />
    public async Task SaveAsync(RuntimeSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.RuntimeSettings.ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        Put(db, rows, DefaultDecoderKey, settings.DefaultDecoder, now);
        Put(db, rows, RetrievalDepthKey, settings.RetrievalDepth?.ToString(CultureInfo.InvariantCulture), now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Put(ChatRagDbContext db, Dictionary<string, RuntimeSettingEntity> rows, string key, string? value, DateTime now)
    {
        if (rows.TryGetValue(key, out var row))
        {
            if (value is null)
            {
                db.RuntimeSettings.Remove(row);
            }
            else
            {
                (row.Value, row.UpdatedAt) = (value, now);
            }
        }
        else if (value is not null)
        {
            db.RuntimeSettings.Add(new RuntimeSettingEntity { Key = key, Value = value, UpdatedAt = now });
        }
    }
}
