using System.Text;
using ChatRag.Templating.Parsing;

namespace ChatRag.Templating.Runtime;

/// <summary>Walks the template tree and writes the output; one instance per render.</summary>
internal sealed partial class Renderer
{
    private enum Flow
    {
        Normal,
        Break,
        Continue,
    }

    private readonly string source;
    private readonly TimeProvider time;

    public Renderer(string source, TimeProvider time)
    {
        this.source = source;
        this.time = time;
    }

    public string Render(IReadOnlyList<Node> nodes, IReadOnlyDictionary<string, object?> variables)
    {
        var globals = new Scope(null);
        AddGlobals(globals);
        var root = new Scope(globals);
        foreach (var (name, value) in variables)
        {
            root.Set(name, Values.From(value));
        }

        var output = new StringBuilder();
        RenderNodes(nodes, root, output);
        return output.ToString();
    }

    private Flow RenderNodes(IReadOnlyList<Node> nodes, Scope scope, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            var flow = RenderNode(node, scope, output);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }

        return Flow.Normal;
    }

    private Flow RenderNode(Node node, Scope scope, StringBuilder output)
    {
        EnsureStack(node.Offset);
        switch (node)
        {
            case TextNode text:
                output.Append(text.Text);
                return Flow.Normal;
            case OutputNode print:
                output.Append(Values.ToText(Eval(print.Value, scope)));
                return Flow.Normal;
            case IfNode branch:
                foreach (var (condition, body) in branch.Branches)
                {
                    if (Values.IsTruthy(Eval(condition, scope)))
                    {
                        return RenderNodes(body, scope, output);
                    }
                }

                return RenderNodes(branch.Else, scope, output);
            case ForNode loop:
                RenderFor(loop, scope, output);
                return Flow.Normal;
            case SetNode set:
                Assign(set.Target, set.Value is null ? RenderToString(set.Body!, scope) : Eval(set.Value, scope), scope);
                return Flow.Normal;
            case MacroNode macro:
                scope.Set(macro.Name, MakeMacro(macro.Name, macro.Parameters, macro.Body, scope));
                return Flow.Normal;
            case CallBlockNode call:
                output.Append(Values.ToText(EvalCallBlock(call, scope)));
                return Flow.Normal;
            case FilterBlockNode filter:
                output.Append(Values.ToText(ApplyFilter(filter.Filter, RenderToString(filter.Body, scope), scope)));
                return Flow.Normal;
            case LoopControlNode control:
                return control.IsBreak ? Flow.Break : Flow.Continue;
            default:
                throw TemplateException.At(source, node.Offset, $"Unsupported node {node.GetType().Name}");
        }
    }

    private string RenderToString(IReadOnlyList<Node> body, Scope scope)
    {
        var output = new StringBuilder();
        RenderNodes(body, scope, output);
        return output.ToString();
    }

    private void RenderFor(ForNode loop, Scope scope, StringBuilder output)
    {
        var items = Values.Iterate(Eval(loop.Iterable, scope));
        if (loop.Filter is not null)
        {
            items = items.Where(item =>
            {
                var probe = new Scope(scope);
                Bind(loop, probe, item);
                return Values.IsTruthy(Eval(loop.Filter, probe));
            }).ToList();
        }

        if (items.Count == 0)
        {
            RenderNodes(loop.Else, scope, output);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var iteration = new Scope(scope);
            Bind(loop, iteration, items[i]);
            iteration.Set("loop", LoopInfo(items, i));
            if (RenderNodes(loop.Body, iteration, output) == Flow.Break)
            {
                break;
            }
        }
    }

    private void Bind(ForNode loop, Scope scope, object? item)
    {
        if (loop.Targets.Count == 1)
        {
            scope.Set(loop.Targets[0], item);
            return;
        }

        var parts = item as List<object?> ?? throw TemplateException.At(source, loop.Offset, $"Cannot unpack {Values.TypeName(item)}");
        if (parts.Count != loop.Targets.Count)
        {
            throw TemplateException.At(source, loop.Offset, $"Expected {loop.Targets.Count} values to unpack, got {parts.Count}");
        }

        for (var t = 0; t < parts.Count; t++)
        {
            scope.Set(loop.Targets[t], parts[t]);
        }
    }

    private static OrderedDictionary<string, object?> LoopInfo(List<object?> items, int i)
    {
        var n = items.Count;
        return new OrderedDictionary<string, object?>
        {
            ["index"] = (long)(i + 1),
            ["index0"] = (long)i,
            ["revindex"] = (long)(n - i),
            ["revindex0"] = (long)(n - i - 1),
            ["first"] = i == 0,
            ["last"] = i == n - 1,
            ["length"] = (long)n,
            ["previtem"] = i > 0 ? items[i - 1] : Undefined.Instance,
            ["nextitem"] = i < n - 1 ? items[i + 1] : Undefined.Instance,
            ["cycle"] = new Callable("cycle", args => args.Positional.Count == 0 ? null : args.Positional[i % args.Positional.Count]),
        };
    }

    private void Assign(Expr target, object? value, Scope scope)
    {
        switch (target)
        {
            case NameExpr name:
                scope.Set(name.Name, value);
                break;
            case AttributeExpr { Target: NameExpr owner } attribute:
                if (scope.Lookup(owner.Name) is not Namespace ns)
                {
                    throw TemplateException.At(source, target.Offset, $"Cannot assign attribute '{attribute.Name}' on '{owner.Name}', which is not a namespace");
                }

                ns.Values[attribute.Name] = value;
                break;
            case ListExpr tuple:
                var parts = value as List<object?> ?? throw TemplateException.At(source, target.Offset, $"Cannot unpack {Values.TypeName(value)}");
                if (parts.Count != tuple.Items.Count)
                {
                    throw TemplateException.At(source, target.Offset, $"Expected {tuple.Items.Count} values to unpack, got {parts.Count}");
                }

                for (var i = 0; i < parts.Count; i++)
                {
                    Assign(tuple.Items[i], parts[i], scope);
                }

                break;
            default:
                throw TemplateException.At(source, target.Offset, "Unsupported assignment target");
        }
    }
}
