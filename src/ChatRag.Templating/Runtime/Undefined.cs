namespace ChatRag.Templating.Runtime;

/// <summary>A missing variable, attribute or key: renders as nothing, is false, and fails when used as an object.</summary>
internal sealed class Undefined
{
    public static Undefined Instance { get; } = new();

    private Undefined()
    {
    }

    public override string ToString() => string.Empty;
}

/// <summary>The object <c>namespace(...)</c> makes: the one value a loop body may change for the code after the loop.</summary>
internal sealed class Namespace
{
    public OrderedDictionary<string, object?> Values { get; } = [];
}

/// <summary>The arguments of a call, positional then named.</summary>
internal sealed record CallArguments(IReadOnlyList<object?> Positional, IReadOnlyDictionary<string, object?> Named)
{
    /// <summary>The argument at <paramref name="position"/> or named <paramref name="name"/>, else <paramref name="fallback"/>.</summary>
    public object? Get(int position, string name, object? fallback = null) =>
        position < Positional.Count ? Positional[position] : Named.TryGetValue(name, out var value) ? value : fallback;
}

/// <summary>A callable value: a global function, a bound string or dict method, or a macro.</summary>
internal sealed record Callable(string Name, Func<CallArguments, object?> Invoke);
