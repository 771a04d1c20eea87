using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tools;

/// <summary>
/// The <see cref="FunctionInvokingChatClient.FunctionInvoker"/> that keeps a malformed call from reaching a tool: a call
/// the decoder could not read (<see cref="FunctionCallContent.Exception"/>: broken JSON) or whose arguments do not match
/// the tool's JSON schema (a missing required argument, a wrong type) is answered with an <c>Error: ...</c> result the
/// model reads in its next turn, never with an exception. Calls to unknown tools are answered by the loop itself
/// (<c>Error: Requested function "..." not found.</c>).
/// </summary>
public static class ToolCallGuard
{
    /// <summary>Checks the call, then invokes the function.</summary>
    /// <param name="context">The call the loop is about to make.</param>
    /// <param name="cancellationToken">Cancels the tool.</param>
    /// <returns>The tool's result, or the error text the model sees instead.</returns>
    public static ValueTask<object?> InvokeAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CallContent.Exception is { } unreadable)
        {
            return ValueTask.FromResult<object?>($"Error: {unreadable.Message} Call {context.Function.Name} again with valid JSON arguments.");
        }

        return Check(context.Function.JsonSchema, context.Arguments) is { } error
            ? ValueTask.FromResult<object?>($"Error: {error} Call {context.Function.Name} again with arguments that match its parameters.")
            : context.Function.InvokeAsync(context.Arguments, cancellationToken);
    }

    /// <summary>What is wrong with <paramref name="arguments"/> for a function declared by <paramref name="schema"/>, or null.</summary>
    /// <param name="schema">The function's parameter schema (<c>{"type": "object", "properties": ..., "required": [...]}</c>).</param>
    /// <param name="arguments">The arguments the model wrote.</param>
    /// <returns>One sentence naming the first problem, or <see langword="null"/> when the arguments fit.</returns>
    public static string? Check(JsonElement schema, IDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray())
            {
                if (name.GetString() is { } key && !arguments.ContainsKey(key))
                {
                    return $"the required argument '{key}' is missing.";
                }
            }
        }

        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var (key, value) in arguments)
        {
            if (properties.TryGetProperty(key, out var property) && property.ValueKind == JsonValueKind.Object
                && property.TryGetProperty("type", out var type) && !Matches(type, ToElement(value)))
            {
                return $"the argument '{key}' must be {DescribeType(type)}, not {DescribeValue(ToElement(value))}.";
            }
        }

        return null;
    }

    private static JsonElement ToElement(object? value) => value is JsonElement element
        ? element
        : JsonSerializer.SerializeToElement(value, value?.GetType() ?? typeof(object), AIJsonUtilities.DefaultOptions);

    private static bool Matches(JsonElement type, JsonElement value) => type.ValueKind switch
    {
        JsonValueKind.String => Matches(type.GetString()!, value),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && Matches(t.GetString()!, value)),
        _ => true,
    };

    private static bool Matches(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && Math.Floor(d) == d,
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string DescribeType(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? string.Join(" or ", type.EnumerateArray().Select(t => Article(t.GetString() ?? "?")))
        : Article(type.GetString() ?? "?");

    private static string Article(string type) => type switch
    {
        "integer" or "array" or "object" => "an " + type,
        "null" => "null",
        _ => "a " + type,
    };

    private static string DescribeValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => string.Create(CultureInfo.InvariantCulture, $"a string ({value.GetRawText()})"),
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
