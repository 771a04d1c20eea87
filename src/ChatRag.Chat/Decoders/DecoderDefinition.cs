using Microsoft.Extensions.AI;

namespace ChatRag.Chat.Decoders;

/// <summary>One configured decoder: how to create its client, and what keeping it loaded costs.</summary>
/// <param name="Name">The name requests choose it by (<c>ChatRag:Decoders:&lt;name&gt;</c>, or <c>default</c>).</param>
/// <param name="Kind"><c>onnx</c> (in-process), <c>openai</c> (remote endpoint) or <c>custom</c> (a client registered in code).</param>
/// <param name="Create">
/// Creates the client with function invocation; for an in-process model this loads its inference sessions, so a
/// failure surfaces here. Called on the first request that needs it, and again after an unload.
/// </param>
/// <param name="MemoryBytes">What the loaded model holds, estimated from its ONNX files on disk; 0 for remote ones.</param>
/// <param name="Owned">
/// True when the catalogue created the client and may dispose it to unload it; false for a client owned by the
/// container (it is never unloaded).
/// </param>
public sealed record DecoderDefinition(string Name, string Kind, Func<IChatClient> Create, long MemoryBytes = 0, bool Owned = true);
