namespace ChatRag.Chat.Orchestration;

/// <summary>
/// One event of a streamed answer. <see cref="Name"/> is the SSE event name (<c>thought</c>, <c>tool</c>, <c>delta</c>,
/// <c>citation</c>, <c>done</c>) and <see cref="Payload"/> the object sent as its JSON <c>data</c>.
/// </summary>
/// <param name="Name">The event name.</param>
/// <param name="Payload">The event data (a contracts record).</param>
public sealed record ChatEvent(string Name, object Payload);
