namespace ChatRag.Cli.Commands;

/// <summary>One finished request: its kind, <see cref="Ok"/> or what went wrong (an HTTP status, <c>sse-error</c>, <c>timeout</c>, ...), and its latency.</summary>
internal sealed record LoadSample(string Kind, string Outcome, double Milliseconds)
{
    public const string Ok = "ok";
}
