using System.Text;
using ChatRag.Decoder.Onnx.Parsing;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>
/// The ChatML template of Qwen2.5-*-Instruct (<c>tokenizer_config.json</c> <c>chat_template</c>), reproduced
/// character for character: the default system prompt, the <c># Tools</c> block with <c>&lt;tools&gt;</c> JSON
/// signatures, <c>&lt;tool_call&gt;</c> assistant turns and <c>&lt;tool_response&gt;</c> results inside a user turn.
/// </summary>
public sealed class QwenChatTemplate : IChatTemplate
{
    /// <summary>The system prompt Qwen2.5's template inserts when the conversation has none.</summary>
    public const string DefaultSystemPrompt = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";

    /// <inheritdoc />
    public string Family => "qwen2.5";

    /// <inheritdoc />
    public IReadOnlyList<string> StopStrings { get; } = ["<|im_end|>", "<|endoftext|>"];

    /// <inheritdoc />
    public IModelOutputParser CreateOutputParser() => new ModelOutputParser(ModelOutputParserOptions.Qwen);

    /// <inheritdoc />
    public string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AITool>? tools, bool addGenerationPrompt = true)
    {
        var list = TemplateMessage.From(messages);
        var functions = ToolDeclarations.Functions(tools);
        var firstIsSystem = list.Count > 0 && list[0].Role == "system";
        var sb = new StringBuilder();

        // Jinja's "if tools" is false for an empty list, so no functions means the plain system turn.
        if (functions.Count > 0)
        {
            sb.Append("<|im_start|>system\n").Append(firstIsSystem ? list[0].Content : DefaultSystemPrompt);
            sb.Append("\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\n")
              .Append("You are provided with function signatures within <tools></tools> XML tags:\n<tools>");
            foreach (var function in functions)
            {
                sb.Append('\n').Append(PythonJson.Dumps(ToolDeclarations.OpenAIForm(function)));
            }

            sb.Append("\n</tools>\n\nFor each function call, return a json object with function name and arguments within ")
              .Append("<tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n")
              .Append("</tool_call><|im_end|>\n");
        }
        else
        {
            sb.Append("<|im_start|>system\n").Append(firstIsSystem ? list[0].Content : DefaultSystemPrompt).Append("<|im_end|>\n");
        }

        for (var i = 0; i < list.Count; i++)
        {
            var message = list[i];
            if (message.Role == "user" || (message.Role == "system" && i > 0) || (message.Role == "assistant" && !message.HasToolCalls))
            {
                sb.Append("<|im_start|>").Append(message.Role).Append('\n').Append(message.Content).Append("<|im_end|>\n");
            }
            else if (message.Role == "assistant")
            {
                AppendToolCallTurn(sb, message);
            }
            else if (message.Role == "tool")
            {
                if (i == 0 || list[i - 1].Role != "tool")
                {
                    sb.Append("<|im_start|>user");
                }

                sb.Append("\n<tool_response>\n").Append(message.Content).Append("\n</tool_response>");
                if (i == list.Count - 1 || list[i + 1].Role != "tool")
                {
                    sb.Append("<|im_end|>\n");
                }
            }
        }

        if (addGenerationPrompt)
        {
            sb.Append("<|im_start|>assistant\n");
        }

        return sb.ToString();
    }

    private static void AppendToolCallTurn(StringBuilder sb, TemplateMessage message)
    {
        sb.Append("<|im_start|>assistant");
        if (message.Content.Length > 0)
        {
            sb.Append('\n').Append(message.Content);
        }

        foreach (var call in message.ToolCalls)
        {
            sb.Append("\n<tool_call>\n{\"name\": \"").Append(call.Name).Append("\", \"arguments\": ")
              .Append(TemplateMessage.ArgumentsJson(call)).Append("}\n</tool_call>");
        }

        sb.Append("<|im_end|>\n");
    }
}
