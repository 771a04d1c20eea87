using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace ChatRag.Templating.Runtime;

/// <summary>
/// The value model: <see langword="null"/> (none), <see cref="Undefined"/>, bool, long, double, string,
/// <c>List&lt;object?&gt;</c>, <c>OrderedDictionary&lt;string, object?&gt;</c>, <see cref="Namespace"/> and
/// <see cref="Callable"/>. Printing follows @huggingface/jinja, the reference the parity tests use.
/// </summary>
internal static class Values
{
    /// <summary>Converts JSON or CLR values (strings, numbers, bools, dictionaries, sequences) into template values.</summary>
    public static object? From(object? value) => value switch
    {
        null => null,
        Undefined or Namespace or Callable or string or bool or long or double => value,
        JsonElement element => FromJson(element),
        int or short or byte or uint or sbyte or ushort => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ulong or decimal or float => Number(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        IDictionary dictionary => FromDictionary(dictionary),
        IEnumerable sequence => sequence.Cast<object?>().Select(From).ToList(),
        _ => value.ToString(),
    };

    private static OrderedDictionary<string, object?> FromDictionary(IDictionary dictionary)
    {
        var result = new OrderedDictionary<string, object?>();
        foreach (DictionaryEntry entry in dictionary)
        {
            result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = From(entry.Value);
        }

        return result;
    }

    public static object? FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out var integer) ? integer : Number(element.GetDouble());
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(FromJson).ToList();
            case JsonValueKind.Object:
                var result = new OrderedDictionary<string, object?>();
                foreach (var property in element.EnumerateObject())
                {
                    result[property.Name] = FromJson(property.Value);
                }

                return result;
            default:
                return null;
        }
    }

    // JavaScript has one number type; transformers.js sees 2.0 as the integer 2, and so do we.
    private static object Number(double value) =>
        Math.Abs(value) < 9e15 && value == Math.Floor(value) ? (object)(long)value : value;

    public static bool IsTruthy(object? value) => value switch
    {
        null or Undefined => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        ICollection c => c.Count > 0,
        Namespace => true,
        _ => true,
    };

    /// <summary>The text <c>{{ value }}</c> prints.</summary>
    public static string ToText(object? value) => value switch
    {
        null or Undefined => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatFloat(d),
        Callable c => $"<function {c.Name}>",
        _ => Json.Serialize(value, new JsonFormat()),
    };

    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (d == Math.Floor(d) && !double.IsInfinity(d) && Math.Abs(d) < 1e21)
        {
            return (d == 0 && double.IsNegative(d) ? "-" : string.Empty) + d.ToString("0.0", CultureInfo.InvariantCulture);
        }

        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    public static bool IsNumber(object? value) => value is long or double;

    public static double ToDouble(object? value) => value is long l ? l : (double)value!;

    public static new bool Equals(object? left, object? right)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            return ToDouble(left) == ToDouble(right);
        }

        return (left, right) switch
        {
            (null or Undefined, null or Undefined) => true,
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (bool a, bool b) => a == b,
            (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(p => Equals(p.First, p.Second)),
            _ => ReferenceEquals(left, right),
        };
    }

    public static int Compare(object? left, object? right)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            return ToDouble(left).CompareTo(ToDouble(right));
        }

        if (left is string a && right is string b)
        {
            return string.CompareOrdinal(a, b);
        }

        if (left is bool x && right is bool y)
        {
            return x.CompareTo(y);
        }

        throw new InvalidOperationException($"Cannot compare {TypeName(left)} with {TypeName(right)}");
    }

    public static string TypeName(object? value) => value switch
    {
        null => "none",
        Undefined => "undefined",
        bool => "boolean",
        long => "integer",
        double => "float",
        string => "string",
        List<object?> => "list",
        OrderedDictionary<string, object?> => "dict",
        Namespace => "namespace",
        Callable => "function",
        _ => value.GetType().Name,
    };

    /// <summary>What a for loop walks: list items, dict keys or string characters.</summary>
    public static List<object?> Iterate(object? value) => value switch
    {
        List<object?> list => list,
        OrderedDictionary<string, object?> dict => dict.Keys.Cast<object?>().ToList(),
        string s => TextElements(s),
        null or Undefined => [],
        _ => throw new InvalidOperationException($"Cannot iterate over {TypeName(value)}"),
    };

    // JavaScript strings iterate by code point; keep surrogate pairs together as transformers.js does.
    public static List<object?> TextElements(string s)
    {
        var result = new List<object?>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var take = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
            result.Add(s.Substring(i, take));
            i += take - 1;
        }

        return result;
    }
}
