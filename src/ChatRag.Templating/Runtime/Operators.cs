namespace ChatRag.Templating.Runtime;

/// <summary>Binary operators on template values, with Jinja's (and @huggingface/jinja's) type rules.</summary>
internal static class Operators
{
    private const long MaxRepeatSize = 1_000_000;

    public static object? Binary(string op, object? left, object? right)
    {
        switch (op)
        {
            case "==":
                return Values.Equals(left, right);
            case "!=":
                return !Values.Equals(left, right);
            case "~":
                return Values.ToText(left) + Values.ToText(right);
            case "in":
                return Contains(right, left);
            case "not in":
                return !Contains(right, left);
            case "<":
                return Values.Compare(left, right) < 0;
            case ">":
                return Values.Compare(left, right) > 0;
            case "<=":
                return Values.Compare(left, right) <= 0;
            case ">=":
                return Values.Compare(left, right) >= 0;
        }

        if (left is long a && right is long b)
        {
            return Integers(op, a, b);
        }

        if (Values.IsNumber(left) && Values.IsNumber(right))
        {
            return Floats(op, Values.ToDouble(left), Values.ToDouble(right));
        }

        return (op, left, right) switch
        {
            ("+", List<object?> x, List<object?> y) => x.Concat(y).ToList(),
            ("+", string or long or double or bool, string or long or double or bool) => Values.ToText(left) + Values.ToText(right),
            ("*", string s, long n) => string.Concat(Enumerable.Repeat(s, RepeatCount(s.Length, n))),
            ("*", List<object?> list, long n) => Enumerable.Repeat(list, RepeatCount(list.Count, n)).SelectMany(x => x).ToList(),
            _ => throw new InvalidOperationException($"Unsupported operand types for {op}: {Values.TypeName(left)} and {Values.TypeName(right)}"),
        };
    }

    /// <summary>
    /// How many times <c>str * n</c> or <c>list * n</c> repeats its operand: a hostile template could otherwise ask
    /// for gigabytes (or, through an int cast, wrap a huge n into a different count).
    /// </summary>
    private static int RepeatCount(int length, long n)
    {
        if (n <= 0 || length == 0)
        {
            return 0;
        }

        if ((Int128)length * n > MaxRepeatSize)
        {
            throw new InvalidOperationException($"Repetition too big: {(Int128)length * n} items or characters, at most {MaxRepeatSize}");
        }

        return (int)n;
    }

    // Each arm is boxed as itself: a switch over long and double arms would otherwise make every result a double.
    private static object Integers(string op, long a, long b) => op switch
    {
        "+" => (object)(a + b),
        "-" => a - b,
        "*" => a * b,
        "/" => (double)a / b,
        "//" => b == 0 ? throw new DivideByZeroException("integer division by zero") : (long)Math.Floor((double)a / b),
        "%" => b == 0 ? throw new DivideByZeroException("integer modulo by zero") : ((a % b) + b) % b,
        "**" => b >= 0 ? (object)(long)Math.Pow(a, b) : Math.Pow(a, b),
        _ => throw new InvalidOperationException($"Unknown operator {op}"),
    };

    private static object Floats(string op, double a, double b) => op switch
    {
        "+" => a + b,
        "-" => a - b,
        "*" => a * b,
        "/" => a / b,
        "//" => Math.Floor(a / b),
        "%" => a - (b * Math.Floor(a / b)),
        "**" => Math.Pow(a, b),
        _ => throw new InvalidOperationException($"Unknown operator {op}"),
    };

    public static bool Contains(object? container, object? item) => container switch
    {
        string s when item is string sub => s.Contains(sub, StringComparison.Ordinal),
        List<object?> list => list.Any(x => Values.Equals(x, item)),
        OrderedDictionary<string, object?> dict => item is string key && dict.ContainsKey(key),
        Namespace ns => item is string key && ns.Values.ContainsKey(key),
        null or Undefined => false,
        _ => throw new InvalidOperationException($"Argument of type {Values.TypeName(container)} is not iterable"),
    };
}
