namespace ChatRag.Decoder.Onnx.Parsing;

/// <summary>What a <see cref="ModelOutputParser"/> looks for in a model's output.</summary>
public sealed record ModelOutputParserOptions
{
    /// <summary>Qwen2.5 (and other Hermes-style models): <c>&lt;think&gt;</c> reasoning and <c>&lt;tool_call&gt;</c> blocks.</summary>
    public static ModelOutputParserOptions Qwen { get; } = new() { ToolCalls = ToolCallSyntax.Hermes };

    /// <summary>Llama 3.x: <c>&lt;think&gt;</c> reasoning and JSON function calls, bare or after <c>&lt;|python_tag|&gt;</c>.</summary>
    public static ModelOutputParserOptions Llama3 { get; } = new() { ToolCalls = ToolCallSyntax.Llama3Json };

    /// <summary>Phi-4-mini: <c>&lt;think&gt;</c> reasoning and <c>&lt;|tool_call|&gt;[...]&lt;|/tool_call|&gt;</c> blocks.</summary>
    public static ModelOutputParserOptions Phi4 { get; } = new() { ToolCalls = ToolCallSyntax.Phi4 };

    /// <summary>The tag that opens reasoning, or <see langword="null"/> when the model has none.</summary>
    public string? ReasoningStart { get; init; } = "<think>";

    /// <summary>The tag that closes reasoning.</summary>
    public string ReasoningEnd { get; init; } = "</think>";

    /// <summary>
    /// Whether the output begins inside reasoning, because the prompt already opened it (templates that end the
    /// generation prompt with <c>&lt;think&gt;</c>); the output then holds only the closing tag.
    /// </summary>
    public bool StartsInReasoning { get; init; }

    /// <summary>The tool-call syntax to recognise.</summary>
    public ToolCallSyntax ToolCalls { get; init; } = ToolCallSyntax.None;
}
