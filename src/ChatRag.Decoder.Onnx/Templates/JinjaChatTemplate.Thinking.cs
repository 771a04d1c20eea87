using ChatRag.Decoder.Onnx.Parsing;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>Thinking on or off, and output that starts inside reasoning the prompt opened.</summary>
public sealed partial class JinjaChatTemplate
{
    private const string ThinkOpen = "<think>";

    /// <inheritdoc />
    /// <remarks>
    /// A template with the switch gets <c>enable_thinking</c> as Qwen3's <c>apply_chat_template</c> passes it. A
    /// reasoning template without it (DeepSeek-R1 distills open <c>&lt;think&gt;</c> themselves) is turned off the way
    /// Qwen3's template does it: the assistant's turn starts with an empty, closed <c>&lt;think&gt;</c> block. A template
    /// that knows no reasoning ignores the request: there is nothing to switch.
    /// </remarks>
    public string RenderGenerationPrompt(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AITool>? tools, bool? thinking)
    {
        var extras = thinking is { } on && Features.ThinkingSwitch ? new Dictionary<string, object?> { ["enable_thinking"] = on } : null;
        var prompt = Render(messages, SupportsTools ? tools : null, addGenerationPrompt: true, extras);
        if (thinking == false && !Features.ThinkingSwitch && Features.Reasoning)
        {
            prompt += OpensReasoning(prompt) ? "\n</think>\n\n" : "<think>\n\n</think>\n\n";
        }

        return prompt;
    }

    /// <inheritdoc />
    public IModelOutputParser CreateOutputParser(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new ModelOutputParser(new ModelOutputParserOptions { ToolCalls = Features.ToolCalls, StartsInReasoning = OpensReasoning(prompt) });
    }

    // A prompt that ends inside an opened <think> block: the model's output begins with reasoning and holds only </think>.
    private static bool OpensReasoning(string prompt) => prompt.TrimEnd().EndsWith(ThinkOpen, StringComparison.Ordinal);
}
