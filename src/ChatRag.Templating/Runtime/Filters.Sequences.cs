namespace ChatRag.Templating.Runtime;

/// <summary>Filters that walk sequences or take options: map, select, sort, tojson, indent, round.</summary>
internal static partial class Filters
{
    private static List<object?> Map(object? value, CallArguments a)
    {
        var items = Sequence(value);
        if (a.Named.TryGetValue("attribute", out var attribute))
        {
            var fallback = a.Named.TryGetValue("default", out var d) ? d : Undefined.Instance;
            return items.Select(item =>
            {
                var result = Members.Attribute(item, Values.ToText(attribute));
                return result is Undefined ? fallback : result;
            }).ToList();
        }

        var filter = a.Positional.Count > 0 ? Values.ToText(a.Positional[0]) : throw new InvalidOperationException("map needs a filter name or attribute=");
        if (!IsKnown(filter))
        {
            throw new InvalidOperationException($"Unsupported filter '{filter}'");
        }

        var rest = new CallArguments(a.Positional.Skip(1).ToList(), a.Named);
        return items.Select(item => Apply(filter, item, rest)).ToList();
    }

    private static List<object?> Select(object? value, CallArguments a, bool attribute, bool keep)
    {
        var skip = attribute ? 1 : 0;
        var attributeName = attribute ? Values.ToText(a.Get(0, "attribute")) : null;
        var test = a.Positional.Count > skip ? Values.ToText(a.Positional[skip]) : null;
        var rest = new CallArguments(a.Positional.Skip(skip + 1).ToList(), new Dictionary<string, object?>());
        return Sequence(value).Where(item =>
        {
            var subject = attributeName is null ? item : Members.Attribute(item, attributeName);
            var passed = test is null ? Values.IsTruthy(subject) : Tests.Apply(test, subject, rest);
            return passed == keep;
        }).ToList();
    }

    private static List<object?> Sort(object? value, CallArguments a)
    {
        var reverse = Values.IsTruthy(a.Get(0, "reverse", false));
        var attribute = a.Get(2, "attribute") as string;
        var items = Sequence(value).ToList();
        object? Key(object? item) => attribute is null ? item : Members.Attribute(item, attribute);
        items.Sort((x, y) => Values.Compare(Key(x), Key(y)));
        if (reverse)
        {
            items.Reverse();
        }

        return items;
    }

    private static List<object?> Unique(object? value)
    {
        var result = new List<object?>();
        foreach (var item in Sequence(value))
        {
            if (!result.Any(seen => Values.Equals(seen, item)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static string ToJson(object? value, CallArguments a)
    {
        var indent = a.Get(0, "indent") is long n ? (int?)n : null;
        string? items = null, keys = null;
        if (a.Named.TryGetValue("separators", out var separators) && separators is List<object?> { Count: 2 } pair)
        {
            items = Values.ToText(pair[0]);
            keys = Values.ToText(pair[1]);
        }

        var sortKeys = a.Named.TryGetValue("sort_keys", out var sort) && Values.IsTruthy(sort);
        var ascii = a.Named.TryGetValue("ensure_ascii", out var ensure) && Values.IsTruthy(ensure);
        return Json.Serialize(value, new JsonFormat(indent, items, keys, sortKeys, ascii));
    }

    private static string Indent(string text, CallArguments a)
    {
        var width = a.Get(0, "width", 4L);
        var pad = width as string ?? new string(' ', (int)(width is long w ? w : 4));
        var first = Values.IsTruthy(a.Get(1, "first", false));
        var blank = Values.IsTruthy(a.Get(2, "blank", false));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if ((i > 0 || first) && (blank || lines[i].Length > 0))
            {
                lines[i] = pad + lines[i];
            }
        }

        return string.Join('\n', lines);
    }

    private static object Round(object? value, CallArguments a)
    {
        var precision = a.Get(0, "precision", 0L) is long p ? (int)p : 0;
        var method = Values.ToText(a.Get(1, "method", "common"));
        var number = Values.ToDouble(value);
        var factor = Math.Pow(10, precision);
        var rounded = method switch
        {
            "ceil" => Math.Ceiling(number * factor) / factor,
            "floor" => Math.Floor(number * factor) / factor,
            _ => Math.Round(number * factor, MidpointRounding.AwayFromZero) / factor,
        };
        return rounded;
    }
}
