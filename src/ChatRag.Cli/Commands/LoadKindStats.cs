namespace ChatRag.Cli.Commands;

/// <summary>Counts and latency percentiles (nearest rank, successful requests only) of one request kind.</summary>
internal sealed record LoadKindStats(string Kind, int Requests, int Ok, int Errors, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static LoadKindStats From(string kind, IReadOnlyList<LoadSample> samples, double seconds)
    {
        var ok = samples.Where(s => s.Outcome == LoadSample.Ok).Select(s => s.Milliseconds).Order().ToArray();
        return new LoadKindStats(
            kind, samples.Count, ok.Length, samples.Count - ok.Length, Math.Round(samples.Count / Math.Max(seconds, 1e-9), 2),
            Percentile(ok, 0.50), Percentile(ok, 0.95), Percentile(ok, 0.99), ok.Length == 0 ? 0 : Math.Round(ok[^1], 1));
    }

    /// <summary>Nearest-rank percentile of sorted values; 0 when there are none.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 1);
    }
}
