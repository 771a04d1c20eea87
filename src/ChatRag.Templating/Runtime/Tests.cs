namespace ChatRag.Templating.Runtime;

/// <summary>The <c>is</c> tests; any other name is refused when the template loads.</summary>
internal static class Tests
{
    private static readonly HashSet<string> Names =
    [
        "boolean", "callable", "defined", "divisibleby", "eq", "equalto", "even", "false", "filter", "float", "ge", "gt", "in",
        "integer", "iterable", "le", "lower", "lt", "mapping", "ne", "none", "number", "odd", "sameas", "sequence", "string",
        "true", "undefined", "upper", "==", "!=", "<", ">", "<=", ">=",
    ];

    public static bool IsKnown(string name) => Names.Contains(name);

    public static bool Apply(string name, object? value, CallArguments a)
    {
        var other = a.Get(0, "other");
        return name switch
        {
            "boolean" => value is bool,
            "callable" => value is Callable,
            "defined" => value is not Undefined,
            "undefined" => value is Undefined,
            "divisibleby" => value is long x && other is long y && y != 0 && x % y == 0,
            "eq" or "equalto" or "==" or "sameas" => Values.Equals(value, other),
            "ne" or "!=" => !Values.Equals(value, other),
            "lt" or "<" => Values.Compare(value, other) < 0,
            "le" or "<=" => Values.Compare(value, other) <= 0,
            "gt" or ">" => Values.Compare(value, other) > 0,
            "ge" or ">=" => Values.Compare(value, other) >= 0,
            "even" => value is long e && e % 2 == 0,
            "odd" => value is long o && o % 2 != 0,
            "false" => value is false,
            "true" => value is true,
            "filter" => value is string f && Filters.IsKnown(f),
            "float" => value is double,
            "integer" => value is long,
            "number" => value is long or double,
            "in" => Operators.Contains(other, value),
            "iterable" => value is string or List<object?> or OrderedDictionary<string, object?>,
            "sequence" => value is string or List<object?> or OrderedDictionary<string, object?>,
            "mapping" => value is OrderedDictionary<string, object?> or Namespace,
            "none" => value is null,
            "string" => value is string,
            "lower" => value is string l && l == l.ToLowerInvariant(),
            "upper" => value is string u && u == u.ToUpperInvariant(),
            _ => throw new InvalidOperationException($"Unsupported test '{name}'"),
        };
    }
}
