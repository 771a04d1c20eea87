using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRag.Decoder.Onnx.Parsing;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>
/// The template of Phi-4-mini-instruct: <c>&lt;|role|&gt;content&lt;|end|&gt;</c> with no newlines, tools as a JSON
/// list between <c>&lt;|tool|&gt;</c> and <c>&lt;|/tool|&gt;</c> inside the system turn, and the generation prompt
/// <c>&lt;|assistant|&gt;</c> (or <c>&lt;|endoftext|&gt;</c> without one).
/// </summary>
/// <remarks>
/// The tool list uses the model card's documented form <c>[{"name", "description", "parameters": {property: schema}}]</c>.
/// When tools are offered without a system message, an empty system turn carries them (the template only prints
/// tools on a system message). The template renders a <c>tool</c> message as <c>&lt;|tool|&gt;result&lt;|end|&gt;</c>
/// (its generic <c>'&lt;|' + role + '|&gt;'</c> rule) and we keep that; past assistant calls are written the way the
/// model emits them, <c>&lt;|tool_call|&gt;[...]&lt;|/tool_call|&gt;</c>, after the turn's text.
/// </remarks>
public sealed class Phi4ChatTemplate : IChatTemplate
{
    /// <inheritdoc />
    public string Family => "phi4";

    /// <inheritdoc />
    public IReadOnlyList<string> StopStrings { get; } = ["<|end|>", "<|endoftext|>"];

    /// <inheritdoc />
    public IModelOutputParser CreateOutputParser() => new ModelOutputParser(ModelOutputParserOptions.Phi4);

    /// <inheritdoc />
    public string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AITool>? tools, bool addGenerationPrompt = true)
    {
        var list = TemplateMessage.From(messages);
        var functions = ToolDeclarations.Functions(tools);
        var toolsJson = functions.Count > 0 ? ToolListJson(functions) : null;
        var sb = new StringBuilder();
        if (toolsJson is not null && (list.Count == 0 || list[0].Role != "system"))
        {
            list.Insert(0, new TemplateMessage("system", string.Empty, [], null));
        }

        for (var i = 0; i < list.Count; i++)
        {
            var message = list[i];
            sb.Append("<|").Append(message.Role).Append("|>").Append(message.HasToolCalls ? WithCalls(message) : message.Content);
            if (i == 0 && message.Role == "system" && toolsJson is not null)
            {
                sb.Append("<|tool|>").Append(toolsJson).Append("<|/tool|>");
            }

            sb.Append("<|end|>");
        }

        sb.Append(addGenerationPrompt ? "<|assistant|>" : "<|endoftext|>");
        return sb.ToString();
    }

    private static string ToolListJson(IReadOnlyList<AIFunctionDeclaration> functions)
    {
        var array = new JsonArray();
        foreach (var function in functions)
        {
            var item = new JsonObject { ["name"] = function.Name };
            if (!string.IsNullOrEmpty(function.Description))
            {
                item["description"] = function.Description;
            }

            var schema = JsonNode.Parse(function.JsonSchema.GetRawText()) as JsonObject;
            item["parameters"] = schema?["properties"]?.DeepClone() ?? new JsonObject();
            array.Add(item);
        }

        using var document = JsonDocument.Parse(array.ToJsonString());
        return PythonJson.Dumps(document.RootElement);
    }

    private static string WithCalls(TemplateMessage message)
    {
        var calls = message.ToolCalls.Select(call =>
            "{\"name\": \"" + call.Name + "\", \"arguments\": " + TemplateMessage.ArgumentsJson(call) + "}");
        return message.Content + "<|tool_call|>[" + string.Join(", ", calls) + "]<|/tool_call|>";
    }
}
