namespace ChatRag.Decoder.Onnx.Parsing;

/// <summary>How a model family writes tool calls in its output.</summary>
public enum ToolCallSyntax
{
    /// <summary>No tool calls are recognised; everything outside reasoning is text.</summary>
    None,

    /// <summary>Qwen / Hermes: <c>&lt;tool_call&gt;{"name": ..., "arguments": {...}}&lt;/tool_call&gt;</c>, once per call.</summary>
    Hermes,

    /// <summary>
    /// Llama 3: a response that is a JSON object <c>{"name": ..., "parameters": {...}}</c> (several separated by
    /// <c>;</c>), or anything after <c>&lt;|python_tag|&gt;</c>.
    /// </summary>
    Llama3Json,

    /// <summary>Phi-4: <c>&lt;|tool_call|&gt;[{"name": ..., "arguments": {...}}, ...]&lt;|/tool_call|&gt;</c>.</summary>
    Phi4,

    /// <summary>Mistral: <c>[TOOL_CALLS]</c> followed by a JSON array <c>[{"name": ..., "arguments": {...}}, ...]</c>.</summary>
    Mistral,
}
