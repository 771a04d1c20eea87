using ChatRag.Core.Indexing;

namespace ChatRag.Storage.Sqlite.Lexical.Rescoring;

/// <summary>
/// The one re-scoring step after either lexical engine: asks the engine for its top <see cref="LexicalRescoring.Candidates"/>
/// BM25 hits and orders them again with <see cref="FieldProximityScorer"/>. What it reads comes from the database (stored
/// terms, title term counts, collection sums, <c>fts5vocab</c> frequencies) or from the in-memory copy of the same FTS5
/// index (its document frequencies), so the Memory and FTS5 engines, which return the same candidates, end with the
/// same order. One connection per search: the engine runs on it too.
/// </summary>
/// <remarks>With <see cref="LexicalRescoring.Enabled"/> off, searches go to the engine unchanged. Returned scores are the re-scored ones.</remarks>
public sealed class RescoringLexicalIndex : ILexicalIndex
{
    private readonly ILexicalIndex engine;
    private readonly SqliteConnectionSettings database;
    private readonly LexicalRescoring settings;

    /// <summary>Wraps <paramref name="engine"/>; <paramref name="settings"/> are read once.</summary>
    public RescoringLexicalIndex(ILexicalIndex engine, SqliteConnectionSettings database, LexicalRescoring settings)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Candidates, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.ProximityWindow, 1);
        (this.engine, this.database, this.settings) = (engine, database, settings);
    }

    /// <inheritdoc />
    public Task WarmUpAsync(CancellationToken cancellationToken = default) => engine.WarmUpAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<LexicalHit>> SearchAsync(
        string query, int top, IReadOnlyCollection<string> collections, IReadOnlyCollection<Guid>? documents = null, CancellationToken cancellationToken = default)
    {
        if (!settings.Enabled || top <= 0)
        {
            return await engine.SearchAsync(query, top, collections, documents, cancellationToken).ConfigureAwait(false);
        }

        var candidates = Math.Max(top, settings.Candidates);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // Both bundled engines search on this connection and hand back the terms they analysed (and the in-memory one
        // its document frequencies); another engine is asked plainly, and the query analysed again here.
        AnalysedLexicalHits found;
        if (engine is IAnalysedLexicalSearch analysed)
        {
            found = await analysed.SearchAnalysedAsync(connection, query, candidates, collections, documents, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var hits = await engine.SearchAsync(query, candidates, collections, documents, cancellationToken).ConfigureAwait(false);
            found = hits.Count == 0 ? new AnalysedLexicalHits(hits, []) : new AnalysedLexicalHits(
                hits, FtsQueryBuilder.SearchTerms(query, await LexicalLanguages.ReadAsync(connection, collections, cancellationToken).ConfigureAwait(false)));
        }

        if (found.Hits.Count == 0)
        {
            return found.Hits;
        }

        var statistics = await RescoringStatisticsReader.StatisticsAsync(connection, cancellationToken).ConfigureAwait(false);
        var frequencies = found.DocumentFrequencies
            ?? await RescoringStatisticsReader.DocumentFrequenciesAsync(connection, found.Terms, cancellationToken).ConfigureAwait(false);
        var stored = await RescoringStatisticsReader.CandidatesAsync(connection, found.Hits.Select(h => h.ChunkId), cancellationToken).ConfigureAwait(false);
        var ranked = FieldProximityScorer.Rank(stored, found.Terms, t => frequencies.GetValueOrDefault(t), statistics, settings);
        return [.. ranked.Take(top).Select(r => new LexicalHit(r.ChunkId, r.Score))];
    }
}
