namespace ChatRag.Contracts.Chat;

/// <summary>Payload of the <c>thought</c> and <c>delta</c> stream events: a piece of reasoning or answer text.</summary>
/// <param name="Text">The text to append.</param>
public sealed record TextChunkEvent(string Text);
