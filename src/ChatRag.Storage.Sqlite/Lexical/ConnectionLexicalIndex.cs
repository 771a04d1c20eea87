using ChatRag.Core.Indexing;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>
/// What both bundled engines share in front of their search: the argument checks, the cases that match nothing (no
/// result wanted, no collection, an empty choice of documents), and the connection: one of their own for a plain
/// search, the caller's for the re-scoring step's (<see cref="IAnalysedLexicalSearch"/>). Each engine says only how it
/// searches on a connection.
/// </summary>
/// <param name="database">The database the engine reads.</param>
public abstract class ConnectionLexicalIndex(SqliteConnectionSettings database) : ILexicalIndex, IAnalysedLexicalSearch
{
    /// <summary>The database the engine reads.</summary>
    protected SqliteConnectionSettings Database { get; } = database;

    /// <inheritdoc />
    public async Task<IReadOnlyList<LexicalHit>> SearchAsync(
        string query, int top, IReadOnlyCollection<string> collections, IReadOnlyCollection<Guid>? documents = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(collections);
        if (MatchesNothing(top, collections, documents))
        {
            return [];
        }

        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await SearchOnAsync(connection, query, top, collections, documents, cancellationToken).ConfigureAwait(false)).Hits;
    }

    /// <inheritdoc />
    public virtual Task WarmUpAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    Task<AnalysedLexicalHits> IAnalysedLexicalSearch.SearchAnalysedAsync(
        SqliteConnection connection, string query, int top, IReadOnlyCollection<string> collections, IReadOnlyCollection<Guid>? documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(collections);
        return MatchesNothing(top, collections, documents)
            ? Task.FromResult(AnalysedLexicalHits.None)
            : SearchOnAsync(connection, query, top, collections, documents, cancellationToken);
    }

    /// <summary>The engine's search on <paramref name="connection"/>, with the terms it analysed; arguments already checked.</summary>
    private protected abstract Task<AnalysedLexicalHits> SearchOnAsync(
        SqliteConnection connection, string query, int top, IReadOnlyCollection<string> collections, IReadOnlyCollection<Guid>? documents, CancellationToken cancellationToken);

    private static bool MatchesNothing(int top, IReadOnlyCollection<string> collections, IReadOnlyCollection<Guid>? documents) =>
        top <= 0 || collections.Count == 0 || documents is { Count: 0 };
}
