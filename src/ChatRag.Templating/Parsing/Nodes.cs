namespace ChatRag.Templating.Parsing;

/// <summary>A node of the template tree; <see cref="Offset"/> is its position in the template text.</summary>
internal abstract record Node(int Offset);

internal sealed record TextNode(string Text, int Offset) : Node(Offset);

internal sealed record OutputNode(Expr Value, int Offset) : Node(Offset);

internal sealed record IfNode(IReadOnlyList<(Expr Condition, IReadOnlyList<Node> Body)> Branches, IReadOnlyList<Node> Else, int Offset) : Node(Offset);

internal sealed record ForNode(IReadOnlyList<string> Targets, Expr Iterable, Expr? Filter, IReadOnlyList<Node> Body, IReadOnlyList<Node> Else, int Offset) : Node(Offset);

internal sealed record SetNode(Expr Target, Expr? Value, IReadOnlyList<Node>? Body, int Offset) : Node(Offset);

internal sealed record Parameter(string Name, Expr? Default);

internal sealed record MacroNode(string Name, IReadOnlyList<Parameter> Parameters, IReadOnlyList<Node> Body, int Offset) : Node(Offset);

internal sealed record CallBlockNode(CallExpr Call, IReadOnlyList<Parameter> CallerParameters, IReadOnlyList<Node> Body, int Offset) : Node(Offset);

internal sealed record FilterBlockNode(FilterExpr Filter, IReadOnlyList<Node> Body, int Offset) : Node(Offset);

internal sealed record LoopControlNode(bool IsBreak, int Offset) : Node(Offset);

/// <summary>An expression; evaluation yields a template value.</summary>
internal abstract record Expr(int Offset);

internal sealed record LiteralExpr(object? Value, int Offset) : Expr(Offset);

internal sealed record NameExpr(string Name, int Offset) : Expr(Offset);

internal sealed record ListExpr(IReadOnlyList<Expr> Items, bool IsTuple, int Offset) : Expr(Offset);

internal sealed record DictExpr(IReadOnlyList<(Expr Key, Expr Value)> Items, int Offset) : Expr(Offset);

internal sealed record AttributeExpr(Expr Target, string Name, int Offset) : Expr(Offset);

internal sealed record IndexExpr(Expr Target, Expr Index, int Offset) : Expr(Offset);

internal sealed record SliceExpr(Expr Target, Expr? Start, Expr? Stop, Expr? Step, int Offset) : Expr(Offset);

internal sealed record Arguments(IReadOnlyList<Expr> Positional, IReadOnlyList<(string Name, Expr Value)> Named)
{
    public static Arguments None { get; } = new([], []);
}

internal sealed record CallExpr(Expr Callee, Arguments Arguments, int Offset) : Expr(Offset);

/// <summary><c>value | name(args)</c>; <see cref="Value"/> is null inside a <c>{% filter %}</c> block.</summary>
internal sealed record FilterExpr(Expr? Value, string Name, Arguments Arguments, int Offset) : Expr(Offset);

internal sealed record TestExpr(Expr Value, string Name, bool Negated, Arguments Arguments, int Offset) : Expr(Offset);

internal sealed record UnaryExpr(string Operator, Expr Operand, int Offset) : Expr(Offset);

internal sealed record BinaryExpr(string Operator, Expr Left, Expr Right, int Offset) : Expr(Offset);

internal sealed record ConditionalExpr(Expr Then, Expr Condition, Expr? Else, int Offset) : Expr(Offset);
