namespace ChatRag.Chat.Decoders;

/// <summary>A configured decoder as the status route shows it.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Kind"><c>onnx</c>, <c>openai</c> or <c>custom</c>.</param>
/// <param name="IsDefault">Whether requests that name no decoder get it.</param>
/// <param name="State"><c>loaded</c>, <c>unloaded</c> or <c>failed</c> (the last load threw; the next request tries again).</param>
/// <param name="MemoryBytes">Estimated memory while loaded (ONNX file sizes); 0 for remote decoders.</param>
/// <param name="InUse">Generations holding it now.</param>
/// <param name="Error">Why the last load failed, when it did.</param>
public sealed record DecoderState(string Name, string Kind, bool IsDefault, string State, long MemoryBytes, int InUse, string? Error);
