using System.Globalization;
using System.Text;

namespace ChatRag.Templating.Runtime;

/// <summary>How <c>tojson</c> writes: Python's <c>json.dumps</c> separators (", " and ": ", or "," with an indent).</summary>
internal sealed record JsonFormat(int? Indent = null, string? ItemSeparator = null, string? KeySeparator = null, bool SortKeys = false, bool EnsureAscii = false)
{
    public string Items => ItemSeparator ?? (Indent is > 0 ? "," : ", ");

    public string Keys => KeySeparator ?? ": ";
}

/// <summary>
/// <c>tojson</c> as transformers defines it for chat templates: <c>json.dumps(value, ensure_ascii=False)</c>, so
/// non-ASCII text stays as it is and only quotes, backslashes and control characters are escaped.
/// </summary>
internal static class Json
{
    public static string Serialize(object? value, JsonFormat format)
    {
        var builder = new StringBuilder();
        Write(builder, value, format, 0);
        return builder.ToString();
    }

    /// <summary>Containers nested deeper than this are refused: a namespace or list that contains itself would otherwise recurse forever.</summary>
    private const int MaxDepth = 512;

    private static void Write(StringBuilder builder, object? value, JsonFormat format, int depth)
    {
        if (depth >= MaxDepth && value is List<object?> or OrderedDictionary<string, object?> or Namespace)
        {
            throw new InvalidOperationException($"Circular reference detected or value nested deeper than {MaxDepth} levels in tojson");
        }

        switch (value)
        {
            case null or Undefined:
                builder.Append("null");
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case long l:
                builder.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                builder.Append(double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "null");
                break;
            case string s:
                WriteString(builder, s, format.EnsureAscii);
                break;
            case List<object?> list:
                WriteContainer(builder, '[', ']', list.Select(item => (default(string), item)).ToList(), format, depth);
                break;
            case OrderedDictionary<string, object?> dict:
                WriteObject(builder, dict, format, depth);
                break;
            case Namespace ns:
                WriteObject(builder, ns.Values, format, depth);
                break;
            default:
                throw new InvalidOperationException($"Object of type {Values.TypeName(value)} is not JSON serializable");
        }
    }

    private static void WriteObject(StringBuilder builder, OrderedDictionary<string, object?> dict, JsonFormat format, int depth)
    {
        IEnumerable<KeyValuePair<string, object?>> entries = dict;
        if (format.SortKeys)
        {
            entries = entries.OrderBy(e => e.Key, StringComparer.Ordinal);
        }

        WriteContainer(builder, '{', '}', entries.Select(e => ((string?)e.Key, e.Value)).ToList(), format, depth);
    }

    private static void WriteContainer(StringBuilder builder, char open, char close, List<(string? Key, object? Value)> items, JsonFormat format, int depth)
    {
        builder.Append(open);
        var indent = format.Indent is > 0 ? new string(' ', format.Indent.Value) : null;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(format.Items);
            }

            if (indent is not null)
            {
                builder.Append('\n').Insert(builder.Length, indent, depth + 1);
            }

            if (items[i].Key is { } key)
            {
                WriteString(builder, key, format.EnsureAscii);
                builder.Append(format.Keys);
            }

            Write(builder, items[i].Value, format, depth + 1);
        }

        if (indent is not null && items.Count > 0)
        {
            builder.Append('\n').Insert(builder.Length, indent, depth);
        }

        builder.Append(close);
    }

    public static void WriteString(StringBuilder builder, string s, bool ensureAscii)
    {
        builder.Append('"');
        foreach (var c in s)
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
                default:
                    if (c < 0x20 || (ensureAscii && c >= 0x7f))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
