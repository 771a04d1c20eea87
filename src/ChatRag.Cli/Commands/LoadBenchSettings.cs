namespace ChatRag.Cli.Commands;

/// <summary>What <c>bench load</c> was asked to do; echoed in its JSON so a result file says how it was made.</summary>
internal sealed record LoadBenchSettings(Uri Url, int Clients, int DurationSeconds, double ChatRatio, string Collection, int TimeoutSeconds);
