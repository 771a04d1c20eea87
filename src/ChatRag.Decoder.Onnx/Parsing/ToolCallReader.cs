using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Parsing;

/// <summary>Reads function calls out of the JSON a model wrote inside its tool-call markup.</summary>
internal static partial class ToolCallReader
{
    /// <summary>
    /// Reads a sequence of JSON objects or arrays of objects (separated by whitespace, commas or semicolons),
    /// each <c>{"name": ..., "arguments"|"parameters": {...}}</c>. Returns <see langword="null"/> unless every
    /// value is a well-formed call, so the caller can keep the raw text instead.
    /// </summary>
    public static List<FunctionCallContent>? ReadSequence(string body)
    {
        var calls = new List<FunctionCallContent>();
        var position = 0;
        while (true)
        {
            position = SkipSeparators(body, position);
            if (position == body.Length)
            {
                return calls.Count > 0 ? calls : null;
            }

            if (body[position] is not ('{' or '['))
            {
                return null;
            }

            var end = JsonValueScanner.FindEnd(body, position);
            if (end < 0 || ReadValue(body[position..end]) is not { } read)
            {
                return null;
            }

            calls.AddRange(read);
            position = end;
        }
    }

    /// <summary>Reads one complete JSON object or array as calls, or returns <see langword="null"/>.</summary>
    public static List<FunctionCallContent>? ReadValue(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return ToCall(root) is { } call ? [call] : null;
            }

            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
            {
                return null;
            }

            var calls = new List<FunctionCallContent>();
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || ToCall(item) is not { } call)
                {
                    return null;
                }

                calls.Add(call);
            }

            return calls;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Name given to a malformed call whose name cannot be read; no tool has it, so the loop reports it unknown.</summary>
    public const string UnnamedCall = "invalid_tool_call";

    /// <summary>
    /// A call the model wrote inside its tool-call markup that is not well-formed: broken JSON, or JSON that is not
    /// <c>{"name": ..., "arguments": {...}}</c>. It keeps the name when one can be read, has no arguments, and carries
    /// the reason as <see cref="FunctionCallContent.Exception"/>, so the tool loop answers it with an error.
    /// </summary>
    public static FunctionCallContent Malformed(string body)
    {
        var match = NamePattern().Match(body);
        var reason = JsonError(body) ?? "it is not a JSON object of the form {\"name\": <function-name>, \"arguments\": <args-json-object>}";
        return new FunctionCallContent(NewCallId(), match.Success ? match.Groups[1].Value : UnnamedCall, arguments: null)
        {
            Exception = new InvalidDataException($"The tool call could not be read: {reason}."),
        };
    }

    private static string? JsonError(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body.Trim().Length == 0 ? "\"\"" : body.Trim());
            return null;
        }
        catch (JsonException e)
        {
            // The first sentence of System.Text.Json's message names the character and position.
            var message = e.Message;
            var stop = message.IndexOf(". ", StringComparison.Ordinal);
            return "the JSON is not valid (" + (stop > 0 ? message[..stop] : message.TrimEnd('.')) + ")";
        }
    }

    [GeneratedRegex("\"name\"\\s*:\\s*\"?([A-Za-z_][\\w.\\-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    private static int SkipSeparators(string text, int position)
    {
        while (position < text.Length && (char.IsWhiteSpace(text[position]) || text[position] is ',' or ';'))
        {
            position++;
        }

        return position;
    }

    private static FunctionCallContent? ToCall(JsonElement call)
    {
        // OpenAI-shaped {"type": "function", "function": {...}} is unwrapped: models fine-tuned on it write it.
        if (call.TryGetProperty("function", out var inner) && inner.ValueKind == JsonValueKind.Object)
        {
            call = inner;
        }

        if (!call.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString()))
        {
            return null;
        }

        if (!call.TryGetProperty("arguments", out var arguments) && !call.TryGetProperty("parameters", out arguments))
        {
            return new FunctionCallContent(NewCallId(), name.GetString()!, new Dictionary<string, object?>());
        }

        // Some models write the arguments as a JSON string, as the OpenAI wire format does.
        if (arguments.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var nested = JsonDocument.Parse(arguments.GetString()!);
                return nested.RootElement.ValueKind == JsonValueKind.Object
                    ? new FunctionCallContent(NewCallId(), name.GetString()!, ToDictionary(nested.RootElement))
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return arguments.ValueKind == JsonValueKind.Object
            ? new FunctionCallContent(NewCallId(), name.GetString()!, ToDictionary(arguments))
            : null;
    }

    private static Dictionary<string, object?> ToDictionary(JsonElement arguments)
    {
        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in arguments.EnumerateObject())
        {
            dictionary[property.Name] = property.Value.Clone();
        }

        return dictionary;
    }

    /// <summary>A fresh call id in the OpenAI style; the model writes none, but results are matched to calls by it.</summary>
    private static string NewCallId() => "call_" + Guid.NewGuid().ToString("N")[..24];
}
