namespace ChatRag.Chat.Tools;

/// <summary>One tool call the model made during a turn, as the trace records it.</summary>
/// <param name="Name">Tool name.</param>
/// <param name="Arguments">Arguments as the model sent them.</param>
/// <param name="Result">What the tool returned (shortened), or the error.</param>
/// <param name="Ms">How long the tool ran.</param>
/// <param name="Failed">True when the tool reported an error.</param>
public sealed record ToolCallRecord(string Name, IReadOnlyDictionary<string, string?> Arguments, string Result, double Ms, bool Failed = false);
