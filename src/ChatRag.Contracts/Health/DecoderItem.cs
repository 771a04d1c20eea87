namespace ChatRag.Contracts.Health;

/// <summary>One configured decoder (language model), as <c>GET /api/v1/status</c> lists them.</summary>
/// <param name="Name">The name a chat request sends as <c>model</c> (<c>default</c> for the <c>ChatRag:Decoder</c> section).</param>
/// <param name="Kind"><c>onnx</c> (in-process), <c>openai</c> (an OpenAI-compatible endpoint) or <c>custom</c>.</param>
/// <param name="IsDefault">Whether a request that names no model gets this one.</param>
/// <param name="State"><c>loaded</c>, <c>unloaded</c> (loads on its first request) or <c>failed</c> (its last load failed; the next request tries again).</param>
/// <param name="MemoryMB">Approximate memory while loaded, in MiB, from its ONNX files on disk; 0 for remote decoders.</param>
/// <param name="InUse">Generations running on it now.</param>
/// <param name="Error">Why its last load failed, when it did.</param>
public sealed record DecoderItem(string Name, string Kind, bool IsDefault, string State, double MemoryMB, int InUse, string? Error = null);
