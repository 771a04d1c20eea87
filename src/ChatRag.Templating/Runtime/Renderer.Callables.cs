using ChatRag.Templating.Parsing;

namespace ChatRag.Templating.Runtime;

/// <summary>Global functions (range, namespace, dict, raise_exception, strftime_now), macros and call blocks.</summary>
internal sealed partial class Renderer
{
    private const long MaxRange = 100_000;

    /// <summary>Nested macro calls allowed at once; unbounded recursion would otherwise overflow the stack and kill the process.</summary>
    private const int MaxCallDepth = 64;

    private int callDepth;

    private void AddGlobals(Scope globals)
    {
        globals.Set("range", new Callable("range", Range));
        globals.Set("namespace", new Callable("namespace", a =>
        {
            var ns = new Namespace();
            if (a.Positional.Count > 0 && a.Positional[0] is OrderedDictionary<string, object?> initial)
            {
                foreach (var (key, value) in initial)
                {
                    ns.Values[key] = value;
                }
            }

            foreach (var (key, value) in a.Named)
            {
                ns.Values[key] = value;
            }

            return ns;
        }));
        globals.Set("dict", new Callable("dict", a => new OrderedDictionary<string, object?>(a.Named)));
        globals.Set("raise_exception", new Callable("raise_exception", a =>
            throw new TemplateException(Values.ToText(a.Get(0, "message")))));
        globals.Set("strftime_now", new Callable("strftime_now", a =>
            Strftime.Format(time.GetLocalNow().DateTime, Values.ToText(a.Get(0, "format")))));
    }

    private static List<object?> Range(CallArguments a)
    {
        var numbers = a.Positional.Select(p => p is long l ? l : throw new InvalidOperationException("range() takes integers")).ToList();
        var (start, stop, step) = numbers.Count switch
        {
            1 => (0L, numbers[0], 1L),
            2 => (numbers[0], numbers[1], 1L),
            3 => (numbers[0], numbers[1], numbers[2]),
            _ => throw new InvalidOperationException("range() takes 1 to 3 arguments"),
        };
        if (step == 0)
        {
            throw new InvalidOperationException("range() step must not be zero");
        }

        // Jinja's sandbox (which transformers uses for chat templates) caps range() at 100,000 items; so do we.
        // Int128: the difference of two longs (and its rounding) can overflow long and wrap past the cap.
        Int128 from = start, to = stop, by = step;
        var count = by > 0 ? (to - from + by - 1) / by : (from - to - by - 1) / -by;
        if (count > MaxRange)
        {
            throw new InvalidOperationException($"range() too big: {count} items, at most {MaxRange}");
        }

        // Counting items (not stepping until past stop) keeps a huge step from wrapping around long.MaxValue.
        var result = new List<object?>((int)Math.Max(0, (long)count));
        for (Int128 k = 0; k < count; k++)
        {
            result.Add((long)(from + (k * by)));
        }

        return result;
    }

    private Callable MakeMacro(string name, IReadOnlyList<Parameter> parameters, IReadOnlyList<Node> body, Scope definition) =>
        new(name, a =>
        {
            if (callDepth >= MaxCallDepth)
            {
                throw new InvalidOperationException($"Macro '{name}' nests too deeply: more than {MaxCallDepth} macro calls at once (unbounded recursion?)");
            }

            callDepth++;
            try
            {
                return CallMacro(parameters, body, definition, a);
            }
            finally
            {
                callDepth--;
            }
        });

    private string CallMacro(IReadOnlyList<Parameter> parameters, IReadOnlyList<Node> body, Scope definition, CallArguments a)
    {
        var scope = new Scope(definition);
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var value = i < a.Positional.Count ? a.Positional[i]
                : a.Named.TryGetValue(parameter.Name, out var named) ? named
                : parameter.Default is null ? Undefined.Instance : Eval(parameter.Default, scope);
            scope.Set(parameter.Name, value);
        }

        if (a.Named.TryGetValue("caller", out var caller))
        {
            scope.Set("caller", caller);
        }

        return RenderToString(body, scope);
    }

    private object? EvalCallBlock(CallBlockNode call, Scope scope)
    {
        var arguments = EvalArguments(call.Call.Arguments, scope);
        var named = new Dictionary<string, object?>(arguments.Named, StringComparer.Ordinal)
        {
            ["caller"] = MakeMacro("caller", call.CallerParameters, call.Body, scope),
        };
        return Invoke(Eval(call.Call.Callee, scope), new CallArguments(arguments.Positional, named), call.Call.Callee);
    }
}
