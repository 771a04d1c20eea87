using ChatRag.Core.Indexing;

namespace ChatRag.Storage.Sqlite.Lexical.Rescoring;

/// <summary>
/// The one re-scoring step after either lexical engine: asks the engine for its top <see cref="LexicalRescoring.Candidates"/>
/// BM25 hits and orders them again with <see cref="FieldProximityScorer"/>. Everything it reads comes from the database
/// (stored terms, title term counts, <c>fts5vocab</c> frequencies), so the Memory and FTS5 engines, which return the same
/// candidates, end with the same order.
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

        var hits = await engine.SearchAsync(query, Math.Max(top, settings.Candidates), collections, documents, cancellationToken).ConfigureAwait(false);
        if (hits.Count == 0)
        {
            return hits;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // The terms the engines searched: the same analysis per language of the searched collections.
        var languages = await LexicalLanguages.ReadAsync(connection, collections, cancellationToken).ConfigureAwait(false);
        var terms = FtsQueryBuilder.SearchTerms(query, languages);
        var collection = await RescoringStatisticsReader.StatisticsAsync(connection, cancellationToken).ConfigureAwait(false);
        var frequencies = await RescoringStatisticsReader.DocumentFrequenciesAsync(connection, terms, cancellationToken).ConfigureAwait(false);
        var candidates = await RescoringStatisticsReader.CandidatesAsync(connection, hits.Select(h => h.ChunkId), cancellationToken).ConfigureAwait(false);
        var ranked = FieldProximityScorer.Rank(candidates, terms, t => frequencies.GetValueOrDefault(t), collection, settings);
        return [.. ranked.Take(top).Select(r => new LexicalHit(r.ChunkId, r.Score))];
    }
}
