using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>Microsoft.Extensions.AI messages and tools in the shape Hugging Face chat templates iterate over.</summary>
internal static class TemplateVariables
{
    /// <summary>
    /// OpenAI-style message dictionaries: <c>role</c>, <c>content</c>, the assistant's <c>tool_calls</c>
    /// (<c>{"type": "function", "function": {"name", "arguments"}}</c>), its <c>reasoning_content</c>, and one
    /// <c>tool</c> message per function result.
    /// </summary>
    public static List<object?> Messages(IReadOnlyList<ChatMessage> messages)
    {
        var result = new List<object?>(messages.Count);
        foreach (var message in messages)
        {
            var results = message.Contents.OfType<FunctionResultContent>().ToList();
            if (results.Count > 0)
            {
                result.AddRange(results.Select(r => (object?)new Dictionary<string, object?>
                {
                    ["role"] = "tool",
                    ["content"] = TemplateMessage.ResultText(r.Result),
                    ["tool_call_id"] = r.CallId,
                }));
                continue;
            }

            var entry = new Dictionary<string, object?> { ["role"] = message.Role.Value, ["content"] = message.Text };
            var reasoning = string.Concat(message.Contents.OfType<TextReasoningContent>().Select(r => r.Text));
            if (reasoning.Length > 0)
            {
                entry["reasoning_content"] = reasoning;
            }

            var calls = message.Contents.OfType<FunctionCallContent>().ToList();
            if (calls.Count > 0)
            {
                entry["tool_calls"] = calls.Select(c => (object?)new Dictionary<string, object?>
                {
                    ["id"] = c.CallId,
                    ["type"] = "function",
                    ["function"] = new Dictionary<string, object?> { ["name"] = c.Name, ["arguments"] = c.Arguments ?? new Dictionary<string, object?>() },
                }).ToList();
            }

            result.Add(entry);
        }

        return result;
    }

    /// <summary>The function tools in OpenAI form, or <see langword="null"/> when there are none (Jinja's <c>if tools</c> is then false).</summary>
    public static List<object?>? Tools(IReadOnlyList<AITool>? tools)
    {
        var functions = ToolDeclarations.Functions(tools);
        return functions.Count == 0 ? null : functions.Select(f => (object?)ToolDeclarations.OpenAIForm(f)).ToList();
    }
}
