using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatRag.Storage.Sqlite;

/// <summary>
/// Builds the connection string and applies the per-connection pragmas every ChatRag connection needs
/// (foreign keys for cascade deletes, a busy timeout so concurrent writers wait instead of failing).
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private readonly string pragmas;

    /// <summary>Creates settings for the database described by <paramref name="options"/>.</summary>
    public SqliteConnectionSettings(SqliteStorageSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMilliseconds / 1000),
        }.ToString();

        // synchronous=NORMAL is durable across application crashes in WAL mode and avoids an fsync per commit.
        pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {options.BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    }

    /// <summary>The connection string (no secrets in it).</summary>
    public string ConnectionString { get; }

    /// <summary>Opens a pooled connection with the pragmas applied; the caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ConnectionOpenedAsync(connection, null!, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Applies the pragmas to a connection that is already open.</summary>
    public void Apply(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
