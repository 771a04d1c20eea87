using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>
/// One message in the shape Hugging Face chat templates iterate over: a role, its text, the assistant's
/// tool calls, and for a <c>tool</c> message the result it carries. A Microsoft.Extensions.AI tool message
/// holding several results becomes several of these, as OpenAI-style histories have one per call.
/// </summary>
internal sealed record TemplateMessage(string Role, string Content, IReadOnlyList<FunctionCallContent> ToolCalls, object? Result)
{
    public bool HasToolCalls => ToolCalls.Count > 0;

    /// <summary>Flattens a conversation into template messages.</summary>
    public static List<TemplateMessage> From(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var result = new List<TemplateMessage>(messages.Count);
        foreach (var message in messages)
        {
            var results = message.Contents.OfType<FunctionResultContent>().ToList();
            if (results.Count > 0)
            {
                result.AddRange(results.Select(r => new TemplateMessage("tool", ResultText(r.Result), [], r.Result)));
                continue;
            }

            var calls = message.Contents.OfType<FunctionCallContent>().ToList();
            result.Add(new TemplateMessage(message.Role.Value, message.Text, calls, null));
        }

        return result;
    }

    /// <summary>A tool result as prompt text: strings verbatim, anything else as <c>json.dumps</c> would write it.</summary>
    public static string ResultText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString()!,
        _ => PythonJson.Dumps(value),
    };

    /// <summary>A call's arguments as the JSON object <c>tool_call.arguments | tojson</c> writes.</summary>
    public static string ArgumentsJson(FunctionCallContent call) =>
        PythonJson.Dumps(call.Arguments ?? new Dictionary<string, object?>());
}
