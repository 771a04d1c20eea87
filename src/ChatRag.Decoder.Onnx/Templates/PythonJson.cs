using System.Text.Json;
using ChatRag.Templating;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>
/// Writes CLR values (tool schemas, call arguments, tool results) the way Hugging Face's <c>tojson</c> filter does,
/// through the template engine's own writer (<see cref="TemplateJson"/>), so the hand-written fallback templates and
/// the folder's Jinja template spell JSON identically.
/// </summary>
internal static class PythonJson
{
    /// <summary>Serializes a value: a <see cref="JsonElement"/>, a string, or any object System.Text.Json can write.</summary>
    public static string Dumps(object? value, int? indent = null) => TemplateJson.Dumps(ToElement(value), indent);

    /// <summary>Converts a CLR value to a <see cref="JsonElement"/> with the Microsoft.Extensions.AI defaults.</summary>
    public static JsonElement ToElement(object? value) => value switch
    {
        JsonElement element => element,
        JsonDocument document => document.RootElement,
        null => JsonSerializer.SerializeToElement<object?>(null, AIJsonUtilities.DefaultOptions),
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), AIJsonUtilities.DefaultOptions),
    };
}
