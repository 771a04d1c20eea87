using System.Globalization;
using ChatRag.Templating.Lexing;
using ChatRag.Templating.Runtime;

namespace ChatRag.Templating.Parsing;

/// <summary>Expressions, with Jinja's precedence: conditional, or, and, not, comparisons, + -, ~, * / // %, **, unary, postfix, filters and tests.</summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> Comparisons = ["==", "!=", "<", ">", "<=", ">="];
    private static readonly HashSet<string> Reserved = ["and", "or", "not", "in", "is", "if", "else"];

    private Expr ParseExpression() => ParseConditional(allowConditional: true);

    private Expr ParseConditional(bool allowConditional) => Nested(Current, () => ParseConditionalCore(allowConditional));

    private Expr ParseConditionalCore(bool allowConditional)
    {
        var then = ParseOr();
        while (allowConditional && Current.IsName("if"))
        {
            var at = Current.Offset;
            index++;
            var condition = ParseOr();
            var otherwise = Accept(TokenKind.Name, "else") ? ParseConditional(allowConditional) : null;
            then = new ConditionalExpr(then, condition, otherwise, at);
        }

        return then;
    }

    private Expr ParseOr() => ParseLeft(ParseAnd, static t => t.IsName("or"));

    private Expr ParseAnd() => ParseLeft(ParseNot, static t => t.IsName("and"));

    private Expr ParseNot()
    {
        if (Current.IsName("not"))
        {
            var at = Current.Offset;
            index++;
            return new UnaryExpr("not", Nested(tokens[index - 1], ParseNot), at);
        }

        return ParseCompare();
    }

    private Expr ParseCompare()
    {
        var left = ParseMath1();
        while (true)
        {
            var token = Current;
            string op;
            if (token.Kind == TokenKind.Operator && Comparisons.Contains(token.Value))
            {
                op = token.Value;
                index++;
            }
            else if (token.IsName("in"))
            {
                op = "in";
                index++;
            }
            else if (token.IsName("not") && tokens[index + 1].IsName("in"))
            {
                op = "not in";
                index += 2;
            }
            else
            {
                return left;
            }

            left = new BinaryExpr(op, left, ParseMath1(), token.Offset);
        }
    }

    private Expr ParseMath1() => ParseLeft(ParseConcat, static t => t.IsOperator("+") || t.IsOperator("-"));

    private Expr ParseConcat() => ParseLeft(ParseMath2, static t => t.IsOperator("~"));

    private Expr ParseMath2() => ParseLeft(ParsePow, static t => t.Kind == TokenKind.Operator && t.Value is "*" or "/" or "//" or "%");

    private Expr ParsePow() => ParseLeft(ParseUnary, static t => t.IsOperator("**"));

    private Expr ParseLeft(Func<Expr> operand, Func<Token, bool> isOperator)
    {
        var left = operand();
        while (isOperator(Current))
        {
            var token = Current;
            index++;
            left = new BinaryExpr(token.Value, left, operand(), token.Offset);
        }

        return left;
    }

    private Expr ParseUnary()
    {
        var token = Current;
        if (token.IsOperator("-") || token.IsOperator("+"))
        {
            index++;
            return ParseFiltersAndTests(new UnaryExpr(token.Value, Nested(token, ParseUnary), token.Offset));
        }

        return ParseFiltersAndTests(ParsePostfix(ParsePrimary()));
    }

    private Expr ParseFiltersAndTests(Expr value)
    {
        while (true)
        {
            if (Current.IsOperator("|"))
            {
                var at = Current.Offset;
                index++;
                value = ParsePostfix(ParseFilterTail(value, at));
            }
            else if (Current.IsName("is"))
            {
                var at = Current.Offset;
                index++;
                var negated = Accept(TokenKind.Name, "not");
                var nameToken = Current;
                var name = nameToken.Kind == TokenKind.Name ? ExpectName() : Expect(TokenKind.Operator).Value;
                if (!Tests.IsKnown(name))
                {
                    throw Error(nameToken, $"Unsupported test '{name}'");
                }

                Arguments arguments;
                if (Current.IsOperator("("))
                {
                    arguments = ParseArguments();
                }
                else if (Current.Kind is TokenKind.String or TokenKind.Integer or TokenKind.Float
                    || (Current.Kind == TokenKind.Name && !Reserved.Contains(Current.Value)))
                {
                    arguments = new Arguments([ParsePostfix(ParsePrimary())], []);
                }
                else
                {
                    arguments = Arguments.None;
                }

                value = new TestExpr(value, name, negated, arguments, at);
            }
            else
            {
                return value;
            }
        }
    }

    private FilterExpr ParseFilterTail(Expr? value, int at)
    {
        var nameToken = Current;
        var name = ExpectName();
        if (!Filters.IsKnown(name))
        {
            throw Error(nameToken, $"Unsupported filter '{name}'");
        }

        var arguments = Current.IsOperator("(") ? ParseArguments() : Arguments.None;
        var filter = new FilterExpr(value, name, arguments, at);
        return value is null && Current.IsOperator("|") ? throw Error(Current, "Unsupported chained filters in a filter block") : filter;
    }

    private Expr ParsePostfix(Expr target)
    {
        while (true)
        {
            var token = Current;
            if (Accept(TokenKind.Operator, "."))
            {
                var name = Current.Kind == TokenKind.Integer ? Expect(TokenKind.Integer) : Expect(TokenKind.Name);
                target = name.Kind == TokenKind.Integer
                    ? new IndexExpr(target, new LiteralExpr(long.Parse(name.Value, CultureInfo.InvariantCulture), name.Offset), token.Offset)
                    : new AttributeExpr(target, name.Value, token.Offset);
            }
            else if (Accept(TokenKind.Operator, "["))
            {
                target = ParseSubscript(target, token.Offset);
            }
            else if (Current.IsOperator("("))
            {
                target = new CallExpr(target, ParseArguments(), token.Offset);
            }
            else
            {
                return target;
            }
        }
    }

    private Expr ParseSubscript(Expr target, int at)
    {
        Expr? start = Current.IsOperator(":") ? null : ParseExpression();
        if (start is not null && Accept(TokenKind.Operator, "]"))
        {
            return new IndexExpr(target, start, at);
        }

        Expect(TokenKind.Operator, ":");
        Expr? stop = Current.IsOperator(":") || Current.IsOperator("]") ? null : ParseExpression();
        Expr? step = null;
        if (Accept(TokenKind.Operator, ":") && !Current.IsOperator("]"))
        {
            step = ParseExpression();
        }

        Expect(TokenKind.Operator, "]");
        return new SliceExpr(target, start, stop, step, at);
    }

    private Arguments ParseArguments()
    {
        Expect(TokenKind.Operator, "(");
        var positional = new List<Expr>();
        var named = new List<(string, Expr)>();
        while (!Accept(TokenKind.Operator, ")"))
        {
            if (positional.Count + named.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
                if (Accept(TokenKind.Operator, ")"))
                {
                    break;
                }
            }

            if (Current.Kind == TokenKind.Name && tokens[index + 1].IsOperator("="))
            {
                var name = ExpectName();
                index++;
                named.Add((name, ParseExpression()));
            }
            else
            {
                positional.Add(ParseExpression());
            }
        }

        return new Arguments(positional, named);
    }
}
