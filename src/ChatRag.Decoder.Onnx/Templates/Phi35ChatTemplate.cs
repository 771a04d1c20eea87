using System.Text;
using ChatRag.Decoder.Onnx.Parsing;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>
/// The template of Phi-3.5-mini-instruct: <c>&lt;|system|&gt;</c> (only when non-empty), <c>&lt;|user|&gt;</c> and
/// <c>&lt;|assistant|&gt;</c> turns, each followed by a newline and closed by <c>&lt;|end|&gt;</c> and a newline;
/// without a generation prompt it ends with <c>&lt;|endoftext|&gt;</c>.
/// </summary>
/// <remarks>
/// Phi-3.5 has no tool-calling format and its template ignores <c>tools</c> and <c>tool</c> messages; so do we
/// for the tool list. Tool results are not dropped silently, though: they are written as a user turn so the model
/// can still answer from them, and past assistant calls as their Qwen-style JSON. Its output parser reads
/// Hermes-style <c>&lt;tool_call&gt;</c> blocks should the model imitate them, and <c>&lt;think&gt;</c> reasoning.
/// </remarks>
public sealed class Phi35ChatTemplate : IChatTemplate
{
    /// <inheritdoc />
    public string Family => "phi3.5";

    /// <inheritdoc />
    public IReadOnlyList<string> StopStrings { get; } = ["<|end|>", "<|endoftext|>"];

    /// <inheritdoc />
    public IModelOutputParser CreateOutputParser() => new ModelOutputParser(ModelOutputParserOptions.Qwen);

    /// <inheritdoc />
    public string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AITool>? tools, bool addGenerationPrompt = true)
    {
        var sb = new StringBuilder();
        foreach (var message in TemplateMessage.From(messages))
        {
            switch (message.Role)
            {
                case "system" when message.Content.Length > 0:
                    Turn(sb, "system", message.Content);
                    break;
                case "user":
                    Turn(sb, "user", message.Content);
                    break;
                case "assistant":
                    Turn(sb, "assistant", message.HasToolCalls ? WithCalls(message) : message.Content);
                    break;
                case "tool":
                    Turn(sb, "user", "<tool_response>\n" + message.Content + "\n</tool_response>");
                    break;
            }
        }

        sb.Append(addGenerationPrompt ? "<|assistant|>\n" : "<|endoftext|>");
        return sb.ToString();
    }

    private static void Turn(StringBuilder sb, string role, string content) =>
        sb.Append("<|").Append(role).Append("|>\n").Append(content).Append("<|end|>\n");

    private static string WithCalls(TemplateMessage message)
    {
        var sb = new StringBuilder(message.Content);
        foreach (var call in message.ToolCalls)
        {
            sb.Append(sb.Length > 0 ? "\n" : string.Empty)
              .Append("<tool_call>\n{\"name\": \"").Append(call.Name).Append("\", \"arguments\": ")
              .Append(TemplateMessage.ArgumentsJson(call)).Append("}\n</tool_call>");
        }

        return sb.ToString();
    }
}
