using ChatRag.Templating.Lexing;

namespace ChatRag.Templating.Parsing;

/// <summary>The block tags: if, for, set, macro, call, filter, break, continue and the no-op generation markers.</summary>
internal sealed partial class Parser
{
    private Node? ParseStatement()
    {
        var keyword = Current;
        if (keyword.Kind != TokenKind.Name)
        {
            throw Error(keyword, $"Expected a tag name but found '{keyword.Value}'");
        }

        index++;
        switch (keyword.Value)
        {
            case "if":
                return ParseIf(keyword);
            case "for":
                return ParseFor(keyword);
            case "set":
                return ParseSet(keyword);
            case "macro":
                return ParseMacro(keyword);
            case "call":
                return ParseCallBlock(keyword);
            case "filter":
                var filter = ParseFilterTail(null, keyword.Offset);
                Expect(TokenKind.BlockEnd);
                return new FilterBlockNode(filter, ParseBlockUntil("endfilter"), keyword.Offset);
            case "break" or "continue":
                Expect(TokenKind.BlockEnd);
                return new LoopControlNode(keyword.Value == "break", keyword.Offset);
            case "generation" or "endgeneration":
                // transformers' assistant-mask markers: they print nothing.
                Expect(TokenKind.BlockEnd);
                return null;
            default:
                throw Error(keyword, $"Unsupported tag '{keyword.Value}'");
        }
    }

    private IfNode ParseIf(Token keyword)
    {
        var branches = new List<(Expr, IReadOnlyList<Node>)>();
        var condition = ParseExpression();
        while (true)
        {
            Expect(TokenKind.BlockEnd);
            var body = ParseBody(out var stop, "elif", "else", "endif");
            branches.Add((condition, body));
            switch (stop!.Value)
            {
                case "elif":
                    condition = ParseExpression();
                    continue;
                case "else":
                    Expect(TokenKind.BlockEnd);
                    return new IfNode(branches, ParseBlockUntil("endif"), keyword.Offset);
                default:
                    Expect(TokenKind.BlockEnd);
                    return new IfNode(branches, [], keyword.Offset);
            }
        }
    }

    private ForNode ParseFor(Token keyword)
    {
        var targets = new List<string> { ExpectName() };
        while (Accept(TokenKind.Operator, ","))
        {
            targets.Add(ExpectName());
        }

        Expect(TokenKind.Name, "in");
        var iterable = ParseConditional(allowConditional: false);
        Expr? filter = Accept(TokenKind.Name, "if") ? ParseExpression() : null;
        if (Current.IsName("recursive"))
        {
            throw Error(Current, "Unsupported for-loop modifier 'recursive'");
        }

        Expect(TokenKind.BlockEnd);
        var body = ParseBody(out var stop, "else", "endfor");
        Expect(TokenKind.BlockEnd);
        var otherwise = stop!.Value == "else" ? ParseBlockUntil("endfor") : [];
        return new ForNode(targets, iterable, filter, body, otherwise, keyword.Offset);
    }

    private SetNode ParseSet(Token keyword)
    {
        var target = ParsePrimaryTarget();
        if (Current.IsOperator(","))
        {
            var names = new List<Expr> { target };
            while (Accept(TokenKind.Operator, ","))
            {
                names.Add(ParsePrimaryTarget());
            }

            target = new ListExpr(names, IsTuple: true, target.Offset);
        }

        if (Accept(TokenKind.Operator, "="))
        {
            var value = ParseExpression();
            Expect(TokenKind.BlockEnd);
            return new SetNode(target, value, null, keyword.Offset);
        }

        Expect(TokenKind.BlockEnd);
        return new SetNode(target, null, ParseBlockUntil("endset"), keyword.Offset);
    }

    private Expr ParsePrimaryTarget()
    {
        var name = Expect(TokenKind.Name);
        Expr target = new NameExpr(name.Value, name.Offset);
        while (Accept(TokenKind.Operator, "."))
        {
            target = new AttributeExpr(target, ExpectName(), name.Offset);
        }

        return target;
    }

    private MacroNode ParseMacro(Token keyword)
    {
        var name = ExpectName();
        var parameters = ParseParameters();
        Expect(TokenKind.BlockEnd);
        return new MacroNode(name, parameters, ParseBlockUntil("endmacro"), keyword.Offset);
    }

    private CallBlockNode ParseCallBlock(Token keyword)
    {
        var parameters = Current.IsOperator("(") ? ParseParameters() : [];
        var call = ParseExpression() as CallExpr ?? throw Error(keyword, "'call' needs a macro call");
        Expect(TokenKind.BlockEnd);
        return new CallBlockNode(call, parameters, ParseBlockUntil("endcall"), keyword.Offset);
    }

    private List<Parameter> ParseParameters()
    {
        Expect(TokenKind.Operator, "(");
        var parameters = new List<Parameter>();
        while (!Accept(TokenKind.Operator, ")"))
        {
            if (parameters.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
            }

            var name = ExpectName();
            parameters.Add(new Parameter(name, Accept(TokenKind.Operator, "=") ? ParseExpression() : null));
        }

        return parameters;
    }
}
