using System.Runtime.CompilerServices;
using ChatRag.Templating.Parsing;

namespace ChatRag.Templating.Runtime;

/// <summary>Evaluating expressions; any failure is reported with the position of the innermost expression.</summary>
internal sealed partial class Renderer
{
    private object? Eval(Expr expr, Scope scope)
    {
        try
        {
            EnsureStack(expr.Offset);
            return EvalCore(expr, scope);
        }
        catch (Exception ex) when (ex is not TemplateException)
        {
            throw TemplateException.At(source, expr.Offset, ex.Message);
        }
    }

    /// <summary>A hostile template nested deep enough to exhaust the thread's stack fails as a template error instead of killing the process.</summary>
    private void EnsureStack(int offset)
    {
        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
        }
        catch (InsufficientExecutionStackException)
        {
            throw TemplateException.At(source, offset, "Template nests too deeply to render");
        }
    }

    private object? EvalCore(Expr expr, Scope scope) => expr switch
    {
        LiteralExpr literal => literal.Value,
        NameExpr name => scope.Lookup(name.Name),
        ListExpr list => list.Items.Select(item => Eval(item, scope)).ToList(),
        DictExpr dict => MakeDict(dict, scope),
        AttributeExpr attribute => Members.Attribute(Eval(attribute.Target, scope), attribute.Name),
        IndexExpr index => Members.Index(Eval(index.Target, scope), Eval(index.Index, scope)),
        SliceExpr slice => Members.Slice(Eval(slice.Target, scope), Optional(slice.Start, scope), Optional(slice.Stop, scope), Optional(slice.Step, scope)),
        CallExpr call => Invoke(Eval(call.Callee, scope), EvalArguments(call.Arguments, scope), call.Callee),
        FilterExpr filter => ApplyFilter(filter, Eval(filter.Value!, scope), scope),
        TestExpr test => Tests.Apply(test.Name, Eval(test.Value, scope), EvalArguments(test.Arguments, scope)) != test.Negated,
        UnaryExpr unary => EvalUnary(unary, scope),
        BinaryExpr binary => EvalBinary(binary, scope),
        ConditionalExpr conditional => Values.IsTruthy(Eval(conditional.Condition, scope))
            ? Eval(conditional.Then, scope)
            : conditional.Else is null ? Undefined.Instance : Eval(conditional.Else, scope),
        _ => throw new InvalidOperationException($"Unsupported expression {expr.GetType().Name}"),
    };

    private object? Optional(Expr? expr, Scope scope) => expr is null ? null : Eval(expr, scope);

    private OrderedDictionary<string, object?> MakeDict(DictExpr dict, Scope scope)
    {
        var result = new OrderedDictionary<string, object?>();
        foreach (var (key, value) in dict.Items)
        {
            result[Eval(key, scope) as string ?? throw new InvalidOperationException("Dict keys must be strings")] = Eval(value, scope);
        }

        return result;
    }

    private CallArguments EvalArguments(Arguments arguments, Scope scope)
    {
        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments.Named)
        {
            named[name] = Eval(value, scope);
        }

        return new CallArguments(arguments.Positional.Select(a => Eval(a, scope)).ToList(), named);
    }

    private static object? Invoke(object? callee, CallArguments arguments, Expr calleeExpr) => callee switch
    {
        Callable callable => callable.Invoke(arguments),
        Undefined => throw new InvalidOperationException($"'{Describe(calleeExpr)}' is undefined and cannot be called"),
        _ => throw new InvalidOperationException($"'{Describe(calleeExpr)}' is a {Values.TypeName(callee)}, not a function"),
    };

    private static string Describe(Expr expr) => expr switch
    {
        NameExpr name => name.Name,
        AttributeExpr attribute => Describe(attribute.Target) + "." + attribute.Name,
        _ => "expression",
    };

    private object? ApplyFilter(FilterExpr filter, object? value, Scope scope) =>
        Filters.Apply(filter.Name, value, EvalArguments(filter.Arguments, scope));

    private object? EvalUnary(UnaryExpr unary, Scope scope)
    {
        var operand = Eval(unary.Operand, scope);
        return unary.Operator switch
        {
            "not" => !Values.IsTruthy(operand),
            "-" => operand switch
            {
                long l => (object)(-l),
                double d => -d,
                _ => throw new InvalidOperationException($"Cannot negate {Values.TypeName(operand)}"),
            },
            _ => Values.IsNumber(operand) ? operand : throw new InvalidOperationException($"Cannot apply unary + to {Values.TypeName(operand)}"),
        };
    }

    private object? EvalBinary(BinaryExpr binary, Scope scope)
    {
        var left = Eval(binary.Left, scope);
        switch (binary.Operator)
        {
            case "and":
                return Values.IsTruthy(left) ? Eval(binary.Right, scope) : left;
            case "or":
                return Values.IsTruthy(left) ? left : Eval(binary.Right, scope);
        }

        return Operators.Binary(binary.Operator, left, Eval(binary.Right, scope));
    }
}
