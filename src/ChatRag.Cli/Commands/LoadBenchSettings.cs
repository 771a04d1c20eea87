namespace ChatRag.Cli.Commands;

/// <summary>
/// What <c>bench load</c> was asked to do; echoed in its JSON so a result file says how it was made. With
/// <see cref="RequestsPerClient"/> each client stops after that many requests (the duration is then a cap).
/// </summary>
internal sealed record LoadBenchSettings(
    Uri Url, int Clients, int DurationSeconds, double ChatRatio, string Collection, int TimeoutSeconds, int? RequestsPerClient = null);
