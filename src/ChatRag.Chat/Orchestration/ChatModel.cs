using Microsoft.Extensions.AI;

namespace ChatRag.Chat.Orchestration;

/// <summary>The decoder chosen at start-up, or none (then every answer is extractive).</summary>
/// <param name="Client">The chat client with function invocation, or null.</param>
/// <param name="Reason">Why there is no client, for the trace.</param>
public sealed record ChatModel(IChatClient? Client, string? Reason = null);
