using ChatRag.Templating.Runtime;

namespace ChatRag.Templating;

/// <summary>
/// JSON as a chat template's <c>tojson</c> filter writes it (Python <c>json.dumps</c> with <c>ensure_ascii=False</c>
/// and transformers.js's number model), for code that writes the same text outside a template: the one writer both
/// the engine and the hand-written fallback templates use.
/// </summary>
public static class TemplateJson
{
    /// <summary>Serializes a value: JSON elements, strings, numbers, booleans, null, dictionaries or sequences.</summary>
    /// <param name="value">The value; objects keep their key order.</param>
    /// <param name="indent">Spaces per level (items then separated by <c>","</c> and new lines), or none for one line.</param>
    /// <returns>The JSON text.</returns>
    public static string Dumps(object? value, int? indent = null) => Json.Serialize(Values.From(value), new JsonFormat(indent));
}
