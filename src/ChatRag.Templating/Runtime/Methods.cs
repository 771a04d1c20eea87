using System.Globalization;

namespace ChatRag.Templating.Runtime;

/// <summary>The Python string and dict methods chat templates call: <c>startswith</c>, <c>split</c>, <c>strip</c>, <c>items</c>, <c>get</c>...</summary>
internal static partial class Methods
{
    public static Callable? Of(OrderedDictionary<string, object?> dict, string name) => name switch
    {
        "items" => new(name, _ => dict.Select(e => (object?)new List<object?> { e.Key, e.Value }).ToList()),
        "keys" => new(name, _ => dict.Keys.Cast<object?>().ToList()),
        "values" => new(name, _ => dict.Values.ToList()),
        "get" => new(name, a => a.Get(0, "key") is string key && dict.TryGetValue(key, out var v) ? v : a.Get(1, "default")),
        _ => null,
    };

    public static Callable? Of(string s, string name) => name switch
    {
        "startswith" => new(name, a => Affix(a.Get(0, "prefix")).Any(p => s.StartsWith(p, StringComparison.Ordinal))),
        "endswith" => new(name, a => Affix(a.Get(0, "suffix")).Any(p => s.EndsWith(p, StringComparison.Ordinal))),
        "strip" => new(name, a => Strip(s, a.Get(0, "chars"), start: true, end: true)),
        "lstrip" => new(name, a => Strip(s, a.Get(0, "chars"), start: true, end: false)),
        "rstrip" => new(name, a => Strip(s, a.Get(0, "chars"), start: false, end: true)),
        "split" => new(name, a => Split(s, a.Get(0, "sep") as string, a.Get(1, "maxsplit") is long m ? m : -1)),
        "rsplit" => new(name, a => RightSplit(s, a.Get(0, "sep") as string, a.Get(1, "maxsplit") is long m ? m : -1)),
        "replace" => new(name, a => Replace(s, Text(a.Get(0, "old")), Text(a.Get(1, "new")), a.Get(2, "count") is long c ? c : -1)),
        "upper" => new(name, _ => s.ToUpperInvariant()),
        "lower" => new(name, _ => s.ToLowerInvariant()),
        "title" => new(name, _ => Title(s)),
        "capitalize" => new(name, _ => Capitalize(s)),
        "find" => new(name, a => (long)s.IndexOf(Text(a.Get(0, "sub")), StringComparison.Ordinal)),
        "rfind" => new(name, a => (long)s.LastIndexOf(Text(a.Get(0, "sub")), StringComparison.Ordinal)),
        "count" => new(name, a => (long)Count(s, Text(a.Get(0, "sub")))),
        "join" => new(name, a => string.Join(s, Values.Iterate(a.Get(0, "iterable")).Select(Values.ToText))),
        "isdigit" => new(name, _ => s.Length > 0 && s.All(char.IsDigit)),
        "isalpha" => new(name, _ => s.Length > 0 && s.All(char.IsLetter)),
        "isspace" => new(name, _ => s.Length > 0 && s.All(char.IsWhiteSpace)),
        "islower" => new(name, _ => s.Any(char.IsLetter) && !s.Any(char.IsUpper)),
        "isupper" => new(name, _ => s.Any(char.IsLetter) && !s.Any(char.IsLower)),
        "splitlines" => new(name, _ => s.Split('\n').Select(l => (object?)l.TrimEnd('\r')).ToList()),
        _ => null,
    };

    private static string Text(object? value) => value as string ?? Values.ToText(value);

    private static IEnumerable<string> Affix(object? value) =>
        value is List<object?> options ? options.Select(Text) : [Text(value)];

    public static string Strip(string s, object? chars, bool start, bool end)
    {
        if (chars is string set)
        {
            var array = set.ToCharArray();
            return start && end ? s.Trim(array) : start ? s.TrimStart(array) : s.TrimEnd(array);
        }

        return start && end ? s.Trim() : start ? s.TrimStart() : s.TrimEnd();
    }

    private static List<object?> Split(string s, string? separator, long maxSplit)
    {
        if (separator is null)
        {
            var words = s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (maxSplit < 0 || words.Length <= maxSplit)
            {
                return [.. words];
            }

            // Python keeps the remainder after maxsplit words as it is, leading whitespace removed.
            var rest = s.TrimStart();
            var parts = new List<object?>();
            for (var i = 0; i < maxSplit; i++)
            {
                var cut = rest.IndexOfAny([' ', '\t', '\n', '\r', '\f', '\v']);
                parts.Add(rest[..cut]);
                rest = rest[cut..].TrimStart();
            }

            parts.Add(rest);
            return parts;
        }

        if (separator.Length == 0)
        {
            throw new InvalidOperationException("empty separator");
        }

        var count = maxSplit < 0 ? int.MaxValue : (int)Math.Min(int.MaxValue - 1, maxSplit + 1);
        return [.. s.Split(separator, count)];
    }

    private static List<object?> RightSplit(string s, string? separator, long maxSplit)
    {
        if (separator is { Length: 0 })
        {
            // Python's rsplit raises ValueError here; looping would spin up to maxsplit times.
            throw new InvalidOperationException("empty separator");
        }

        if (separator is null || maxSplit < 0)
        {
            return Split(s, separator, maxSplit);
        }

        var parts = new List<object?>();
        var rest = s;
        while (parts.Count < maxSplit)
        {
            var at = rest.LastIndexOf(separator, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            parts.Insert(0, rest[(at + separator.Length)..]);
            rest = rest[..at];
        }

        parts.Insert(0, rest);
        return parts;
    }

    private static string Replace(string s, string old, string replacement, long count)
    {
        if (count < 0)
        {
            return old.Length == 0 ? string.Join(replacement, Values.TextElements(s).Prepend(string.Empty).Append(string.Empty)) : s.Replace(old, replacement, StringComparison.Ordinal);
        }

        if (old.Length == 0)
        {
            // Python inserts the replacement before each character (and at the end), at most count times.
            var elements = Values.TextElements(s);
            var builder = new System.Text.StringBuilder();
            for (var i = 0; i <= elements.Count; i++)
            {
                if (i < count)
                {
                    builder.Append(replacement);
                }

                if (i < elements.Count)
                {
                    builder.Append((string)elements[i]!);
                }
            }

            return builder.ToString();
        }

        var result = s;
        var from = 0;
        for (var i = 0; i < count; i++)
        {
            var at = result.IndexOf(old, from, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            result = string.Concat(result.AsSpan(0, at), replacement, result.AsSpan(at + old.Length));
            from = at + replacement.Length;
        }

        return result;
    }

    private static int Count(string s, string sub)
    {
        if (sub.Length == 0)
        {
            return s.Length + 1;
        }

        var n = 0;
        for (var at = s.IndexOf(sub, StringComparison.Ordinal); at >= 0; at = s.IndexOf(sub, at + sub.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    public static string Capitalize(string s) =>
        s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();

    public static string Title(string s)
    {
        var chars = s.ToCharArray();
        var previousIsLetter = false;
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = previousIsLetter ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
            previousIsLetter = char.IsLetter(chars[i]);
        }

        return new string(chars);
    }

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
