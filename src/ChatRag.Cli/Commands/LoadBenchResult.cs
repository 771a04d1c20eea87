namespace ChatRag.Cli.Commands;

/// <summary>
/// The outcome of <c>bench load</c>: per request kind and overall, counts, failures by outcome and latency percentiles
/// of the successful requests. 429s are failures too and are also counted apart, since a rate limit is a setting.
/// </summary>
internal sealed record LoadBenchResult(
    LoadBenchSettings Settings, double Seconds, LoadKindStats Total, IReadOnlyList<LoadKindStats> Kinds, IReadOnlyDictionary<string, int> Failures)
{
    public int Errors => Total.Errors;

    public int RateLimited => Failures.TryGetValue("429", out var n) ? n : 0;

    public static LoadBenchResult From(LoadBenchSettings settings, double seconds, IReadOnlyList<LoadSample> samples)
    {
        var kinds = samples.GroupBy(s => s.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => LoadKindStats.From(g.Key, [.. g], seconds)).ToList();
        var failures = samples.Where(s => s.Outcome != LoadSample.Ok).GroupBy(s => s.Outcome, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new LoadBenchResult(settings, seconds, LoadKindStats.From("all", samples, seconds), kinds, failures);
    }
}
