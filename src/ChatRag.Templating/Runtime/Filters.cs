using System.Globalization;

namespace ChatRag.Templating.Runtime;

/// <summary>The filters Hugging Face chat templates use; any other name is refused when the template loads.</summary>
internal static partial class Filters
{
    private static readonly HashSet<string> Names =
    [
        "abs", "capitalize", "count", "d", "default", "dictsort", "e", "escape", "first", "float", "indent", "int", "items", "join",
        "last", "length", "list", "lower", "map", "max", "min", "reject", "rejectattr", "replace", "reverse", "round", "safe",
        "select", "selectattr", "sort", "string", "sum", "title", "tojson", "trim", "unique", "upper", "wordcount",
    ];

    public static bool IsKnown(string name) => Names.Contains(name);

    public static object? Apply(string name, object? value, CallArguments a) => name switch
    {
        "abs" => value is long l ? (object)Math.Abs(l) : Math.Abs(Values.ToDouble(value)),
        "capitalize" => Methods.Capitalize(Values.ToText(value)),
        "count" or "length" => Length(value),
        "d" or "default" => Default(value, a),
        "dictsort" => Dict(value).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (object?)new List<object?> { e.Key, e.Value }).ToList(),
        "e" or "escape" => Escape(Values.ToText(value)),
        "first" => Sequence(value) is { Count: > 0 } first ? first[0] : Undefined.Instance,
        "last" => Sequence(value) is { Count: > 0 } last ? last[^1] : Undefined.Instance,
        "float" => ToFloat(value, a),
        "int" => ToInt(value, a),
        "indent" => Indent(Values.ToText(value), a),
        "items" => value is null or Undefined ? new List<object?>() : Dict(value).Select(e => (object?)new List<object?> { e.Key, e.Value }).ToList(),
        "join" => Join(value, a),
        "list" => Sequence(value).ToList(),
        "lower" => Values.ToText(value).ToLowerInvariant(),
        "upper" => Values.ToText(value).ToUpperInvariant(),
        "map" => Map(value, a),
        "max" => Sequence(value).Count == 0 ? Undefined.Instance : Sequence(value).Aggregate((x, y) => Values.Compare(y, x) > 0 ? y : x),
        "min" => Sequence(value).Count == 0 ? Undefined.Instance : Sequence(value).Aggregate((x, y) => Values.Compare(y, x) < 0 ? y : x),
        "select" or "reject" => Select(value, a, attribute: false, keep: name == "select"),
        "selectattr" or "rejectattr" => Select(value, a, attribute: true, keep: name == "selectattr"),
        "replace" => Methods.Of(Values.ToText(value), "replace")!.Invoke(a),
        "reverse" => value is string s ? string.Concat(Values.TextElements(s).Cast<string>().Reverse()) : Enumerable.Reverse(Sequence(value)).ToList(),
        "round" => Round(value, a),
        "safe" => value,
        "sort" => Sort(value, a),
        "string" => Values.ToText(value),
        "sum" => Sequence(value).Aggregate<object?, object?>(a.Get(1, "start", 0L), (x, y) => Operators.Binary("+", x, y)),
        "title" => Methods.Title(Values.ToText(value)),
        "tojson" => ToJson(value, a),
        "trim" => Methods.Strip(Values.ToText(value), a.Get(0, "chars"), start: true, end: true),
        "unique" => Unique(value),
        "wordcount" => (long)Values.ToText(value).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length,
        _ => throw new InvalidOperationException($"Unsupported filter '{name}'"),
    };

    private static long Length(object? value) => value switch
    {
        string s => Values.TextElements(s).Count,
        List<object?> list => list.Count,
        OrderedDictionary<string, object?> dict => dict.Count,
        Namespace ns => ns.Values.Count,
        null or Undefined => 0,
        _ => throw new InvalidOperationException($"Object of type {Values.TypeName(value)} has no length"),
    };

    private static object? Default(object? value, CallArguments a)
    {
        var fallback = a.Get(0, "default_value", string.Empty);
        var boolean = Values.IsTruthy(a.Get(1, "boolean", false));
        return value is Undefined || (boolean && !Values.IsTruthy(value)) ? fallback : value;
    }

    private static List<object?> Sequence(object? value) => value switch
    {
        List<object?> list => list,
        _ => Values.Iterate(value),
    };

    private static OrderedDictionary<string, object?> Dict(object? value) => value switch
    {
        OrderedDictionary<string, object?> dict => dict,
        Namespace ns => ns.Values,
        _ => throw new InvalidOperationException($"Expected a mapping, got {Values.TypeName(value)}"),
    };

    private static string Join(object? value, CallArguments a)
    {
        var separator = Values.ToText(a.Get(0, "d", string.Empty));
        var items = Sequence(value).AsEnumerable();
        if (a.Get(1, "attribute") is string attribute)
        {
            items = items.Select(item => Members.Attribute(item, attribute));
        }

        return string.Join(separator, items.Select(Values.ToText));
    }

    private static string Escape(string s) => s
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&#34;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    private static object? ToFloat(object? value, CallArguments a) => value switch
    {
        long l => (double)l,
        double d => d,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => a.Get(0, "default", 0.0),
    };

    private static object? ToInt(object? value, CallArguments a) => value switch
    {
        long l => l,
        double d => (long)Math.Truncate(d),
        string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => (long)Math.Truncate(parsed),
        _ => a.Get(0, "default", 0L),
    };
}
