using ChatRag.Decoder.Onnx.Parsing;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>
/// What a chat template's own text says about the model: the tool-call format it teaches (the markup it writes for
/// earlier calls or describes in its tool instructions), whether it has Qwen3's <c>enable_thinking</c> switch, and
/// whether it knows <c>&lt;think&gt;</c> reasoning at all. Read from the template, never from the folder's name.
/// </summary>
/// <param name="ToolCalls">The tool-call syntax; <see cref="ToolCallSyntax.None"/> when the template declares none.</param>
/// <param name="ThinkingSwitch">Whether the template reads <c>enable_thinking</c>.</param>
/// <param name="Reasoning">Whether the template writes or strips <c>&lt;think&gt;</c> blocks.</param>
public sealed record TemplateFeatures(ToolCallSyntax ToolCalls, bool ThinkingSwitch, bool Reasoning)
{
    /// <summary>Reads the features of a template's source text.</summary>
    /// <param name="source">The Jinja template text.</param>
    /// <returns>The features.</returns>
    public static TemplateFeatures Of(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new(ToolSyntax(source), Has(source, "enable_thinking"), Has(source, "<think>"));
    }

    private static ToolCallSyntax ToolSyntax(string source)
    {
        // Most specific markup first: a Hermes template also says "arguments", a Llama one "parameters".
        if (Has(source, "<tool_call>"))
        {
            return ToolCallSyntax.Hermes;
        }

        if (Has(source, "[TOOL_CALLS]"))
        {
            return ToolCallSyntax.Mistral;
        }

        if (Has(source, "<|tool_call|>") || Has(source, "<|tool|>"))
        {
            return ToolCallSyntax.Phi4;
        }

        // Llama 3.1+: calls after <|python_tag|>, or the JSON {"name": ..., "parameters": ...} its instructions describe.
        if (Has(source, "<|python_tag|>") || (Has(source, "<|start_header_id|>") && Has(source, "\"parameters\"")))
        {
            return ToolCallSyntax.Llama3Json;
        }

        return ToolCallSyntax.None;
    }

    private static bool Has(string source, string value) => source.Contains(value, StringComparison.Ordinal);
}
