using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>
/// Writes JSON the way Hugging Face's <c>tojson</c> filter does (Python <c>json.dumps</c> with
/// <c>ensure_ascii=False</c>): <c>", "</c> and <c>": "</c> separators, or four-space indentation,
/// keys in their given order. The models saw exactly this spacing in training, so we reproduce it.
/// </summary>
internal static class PythonJson
{
    /// <summary>Serializes a value: a <see cref="JsonElement"/>, a string, or any object System.Text.Json can write.</summary>
    public static string Dumps(object? value, int? indent = null)
    {
        var builder = new StringBuilder();
        Write(builder, ToElement(value), indent, 0);
        return builder.ToString();
    }

    /// <summary>Converts a CLR value to a <see cref="JsonElement"/> with the Microsoft.Extensions.AI defaults.</summary>
    public static JsonElement ToElement(object? value) => value switch
    {
        JsonElement element => element,
        JsonDocument document => document.RootElement,
        null => JsonSerializer.SerializeToElement<object?>(null, AIJsonUtilities.DefaultOptions),
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), AIJsonUtilities.DefaultOptions),
    };

    private static void Write(StringBuilder builder, JsonElement element, int? indent, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteContainer(builder, '{', '}', element.EnumerateObject().ToList(), indent, depth, (b, p) =>
                {
                    WriteString(b, p.Name);
                    b.Append(": ");
                    Write(b, p.Value, indent, depth + 1);
                });
                break;
            case JsonValueKind.Array:
                WriteContainer(builder, '[', ']', element.EnumerateArray().ToList(), indent, depth,
                    (b, item) => Write(b, item, indent, depth + 1));
                break;
            case JsonValueKind.String:
                WriteString(builder, element.GetString()!);
                break;
            default:
                // Numbers, true, false and null are spelt the same in JSON and in json.dumps output.
                builder.Append(element.GetRawText());
                break;
        }
    }

    private static void WriteContainer<T>(
        StringBuilder builder, char open, char close, List<T> items, int? indent, int depth, Action<StringBuilder, T> writeItem)
    {
        builder.Append(open);
        if (items.Count == 0)
        {
            builder.Append(close);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (indent is { } step)
            {
                builder.Append(i == 0 ? "\n" : ",\n").Append(' ', step * (depth + 1));
            }
            else if (i > 0)
            {
                builder.Append(", ");
            }

            writeItem(builder, items[i]);
        }

        if (indent is { } last)
        {
            builder.Append('\n').Append(' ', last * depth);
        }

        builder.Append(close);
    }

    /// <summary>Writes a JSON string literal with Python's escapes (non-ASCII kept as is).</summary>
    public static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }
}
