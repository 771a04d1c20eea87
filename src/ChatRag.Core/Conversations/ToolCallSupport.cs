namespace ChatRag.Core.Conversations;

/// <summary>
/// Whether a decoder can be offered tools. A chat client offers it through
/// <c>IChatClient.GetService(typeof(ToolCallSupport))</c> when it knows (the local ONNX decoder reads its chat
/// template's tool-call format); callers offer tools when a client says nothing.
/// </summary>
/// <param name="Supported">Whether the model has a tool-call format.</param>
/// <param name="Reason">Why not, for the trace; empty when supported.</param>
public sealed record ToolCallSupport(bool Supported, string Reason);
