using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>Turns Microsoft.Extensions.AI tools into the JSON the templates print.</summary>
internal static class ToolDeclarations
{
    /// <summary>The function declarations among <paramref name="tools"/>; hosted tools have no prompt form and are skipped.</summary>
    public static IReadOnlyList<AIFunctionDeclaration> Functions(IReadOnlyList<AITool>? tools) =>
        tools is null ? [] : tools.OfType<AIFunctionDeclaration>().ToList();

    /// <summary>
    /// The OpenAI / Hugging Face form <c>{"type": "function", "function": {"name", "description", "parameters"}}</c>
    /// that <c>apply_chat_template(tools=...)</c> receives.
    /// </summary>
    public static JsonElement OpenAIForm(AIFunctionDeclaration function)
    {
        var inner = new JsonObject { ["name"] = function.Name };
        if (!string.IsNullOrEmpty(function.Description))
        {
            inner["description"] = function.Description;
        }

        inner["parameters"] = JsonNode.Parse(function.JsonSchema.GetRawText());
        var outer = new JsonObject { ["type"] = "function", ["function"] = inner };
        using var document = JsonDocument.Parse(outer.ToJsonString());
        return document.RootElement.Clone();
    }
}
