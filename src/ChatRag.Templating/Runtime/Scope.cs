namespace ChatRag.Templating.Runtime;

/// <summary>
/// Variables visible at one point: a for-loop iteration and a macro call open a child scope, so a plain
/// <c>set</c> inside them does not leak out (Jinja's rule, the reason templates use <c>namespace()</c>).
/// </summary>
internal sealed class Scope(Scope? parent)
{
    private readonly Dictionary<string, object?> variables = new(StringComparer.Ordinal);

    public object? Lookup(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.variables.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        return Undefined.Instance;
    }

    public Scope? Parent { get; } = parent;

    public void Set(string name, object? value) => variables[name] = value;
}
