namespace ChatRag.Templating.Runtime;

/// <summary><c>a.b</c>, <c>a[b]</c> and <c>a[i:j:k]</c>.</summary>
internal static class Members
{
    public static object? Attribute(object? target, string name) => target switch
    {
        OrderedDictionary<string, object?> dict => dict.TryGetValue(name, out var value) ? value : (object?)Methods.Of(dict, name) ?? Undefined.Instance,
        Namespace ns => ns.Values.TryGetValue(name, out var value) ? value : Undefined.Instance,
        string s => (object?)Methods.Of(s, name) ?? Undefined.Instance,
        List<object?> => Undefined.Instance,
        null or Undefined => throw new InvalidOperationException($"Cannot read attribute '{name}' of {Values.TypeName(target)}"),
        _ => Undefined.Instance,
    };

    public static object? Index(object? target, object? index)
    {
        switch (target)
        {
            case OrderedDictionary<string, object?> dict:
                return index is string key && dict.TryGetValue(key, out var value) ? value : Undefined.Instance;
            case Namespace ns:
                return index is string fieldName && ns.Values.TryGetValue(fieldName, out var field) ? field : Undefined.Instance;
            case List<object?> list when index is long i:
                var at = i < 0 ? list.Count + i : i;
                return at >= 0 && at < list.Count ? list[(int)at] : Undefined.Instance;
            case string s when index is long i:
                var chars = Values.TextElements(s);
                var position = i < 0 ? chars.Count + i : i;
                return position >= 0 && position < chars.Count ? chars[(int)position] : Undefined.Instance;
            case string s when index is string method:
                return (object?)Methods.Of(s, method) ?? Undefined.Instance;
            case null or Undefined:
                throw new InvalidOperationException($"Cannot read item '{Values.ToText(index)}' of {Values.TypeName(target)}");
            default:
                return Undefined.Instance;
        }
    }

    public static object? Slice(object? target, object? start, object? stop, object? step)
    {
        var items = target switch
        {
            List<object?> list => list,
            string s => Values.TextElements(s),
            _ => throw new InvalidOperationException($"Cannot slice {Values.TypeName(target)}"),
        };
        var n = items.Count;
        var by = step is long k ? k : 1;
        if (by == 0)
        {
            throw new InvalidOperationException("Slice step cannot be zero");
        }

        var result = new List<object?>();
        if (by > 0)
        {
            var from = Clamp(start, n, 0, 0, n);
            var to = Clamp(stop, n, n, 0, n);
            for (var i = from; i < to; i += by)
            {
                result.Add(items[(int)i]);
            }
        }
        else
        {
            var from = Clamp(start, n, n - 1, -1, n - 1);
            var to = Clamp(stop, n, -1, -1, n - 1);
            for (var i = from; i > to; i += by)
            {
                result.Add(items[(int)i]);
            }
        }

        return target is string ? string.Concat(result.Cast<string>()) : result;
    }

    // Python's slice index rules: negative counts from the end, then clamp into range; absent takes the default.
    private static long Clamp(object? bound, long n, long absent, long low, long high)
    {
        if (bound is not long value)
        {
            return absent;
        }

        if (value < 0)
        {
            value += n;
        }

        return Math.Clamp(value, low, high);
    }
}
