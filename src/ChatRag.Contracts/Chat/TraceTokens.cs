namespace ChatRag.Contracts.Chat;

/// <summary>Token counts reported by the model; null when it reported none.</summary>
/// <param name="Input">Prompt tokens.</param>
/// <param name="Output">Generated tokens.</param>
/// <param name="Total">Both.</param>
public sealed record TraceTokens(long? Input, long? Output, long? Total);
