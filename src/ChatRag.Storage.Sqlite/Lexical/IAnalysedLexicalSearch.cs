using ChatRag.Core.Indexing;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>
/// An engine's search on the caller's connection that also hands back what it searched for: the re-scoring step
/// (<see cref="Rescoring.RescoringLexicalIndex"/>) runs the engine and its own reads on one connection and scores with
/// the terms the engine analysed, instead of opening a second connection and analysing the query again.
/// </summary>
internal interface IAnalysedLexicalSearch
{
    /// <summary>What <see cref="ILexicalIndex.SearchAsync"/> returns, with the analysed terms, on <paramref name="connection"/>.</summary>
    Task<AnalysedLexicalHits> SearchAnalysedAsync(
        SqliteConnection connection, string query, int top, IReadOnlyCollection<string> collections, IReadOnlyCollection<Guid>? documents, CancellationToken cancellationToken);
}

/// <summary>An engine's hits and the analysed terms it searched (<see cref="FtsQueryBuilder.SearchTerms"/>).</summary>
/// <param name="DocumentFrequencies">
/// Chunks holding each of <paramref name="Terms"/> over the whole index, when the engine has them at hand (the in-memory
/// copy of the FTS5 index counts what FTS5's <c>fts5vocab</c> would; a term it lacks holds 0); null: read them from FTS5.
/// </param>
internal sealed record AnalysedLexicalHits(IReadOnlyList<LexicalHit> Hits, IReadOnlyList<string> Terms, IReadOnlyDictionary<string, long>? DocumentFrequencies = null)
{
    /// <summary>No hits, no terms.</summary>
    public static readonly AnalysedLexicalHits None = new([], []);
}
