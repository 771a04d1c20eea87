using System.Globalization;
using System.Text;
using ChatRag.Templating.Lexing;

namespace ChatRag.Templating.Parsing;

/// <summary>Literals, names, parentheses, lists, tuples and dicts.</summary>
internal sealed partial class Parser
{
    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Name:
                index++;
                return token.Value switch
                {
                    "true" or "True" => new LiteralExpr(true, token.Offset),
                    "false" or "False" => new LiteralExpr(false, token.Offset),
                    "none" or "None" => new LiteralExpr(null, token.Offset),
                    _ => new NameExpr(token.Value, token.Offset),
                };
            case TokenKind.String:
                var text = new StringBuilder();
                while (Current.Kind == TokenKind.String)
                {
                    text.Append(Current.Value);
                    index++;
                }

                return new LiteralExpr(text.ToString(), token.Offset);
            case TokenKind.Integer:
                index++;
                return new LiteralExpr(long.Parse(token.Value, CultureInfo.InvariantCulture), token.Offset);
            case TokenKind.Float:
                index++;
                return new LiteralExpr(double.Parse(token.Value, CultureInfo.InvariantCulture), token.Offset);
            case TokenKind.Operator when token.Value == "(":
                return ParseParenthesised(token);
            case TokenKind.Operator when token.Value == "[":
                index++;
                return new ListExpr(ParseSequence("]"), IsTuple: false, token.Offset);
            case TokenKind.Operator when token.Value == "{":
                return ParseDict(token);
            default:
                throw Error(token, token.Kind == TokenKind.End ? "Unexpected end of template" : $"Unexpected '{token.Value}'");
        }
    }

    private Expr ParseParenthesised(Token open)
    {
        index++;
        if (Accept(TokenKind.Operator, ")"))
        {
            return new ListExpr([], IsTuple: true, open.Offset);
        }

        var first = ParseExpression();
        if (Accept(TokenKind.Operator, ")"))
        {
            return first;
        }

        Expect(TokenKind.Operator, ",");
        var items = new List<Expr> { first };
        items.AddRange(ParseSequence(")"));
        return new ListExpr(items, IsTuple: true, open.Offset);
    }

    private List<Expr> ParseSequence(string close)
    {
        var items = new List<Expr>();
        while (!Accept(TokenKind.Operator, close))
        {
            if (items.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
                if (Accept(TokenKind.Operator, close))
                {
                    break;
                }
            }

            items.Add(ParseExpression());
        }

        return items;
    }

    private DictExpr ParseDict(Token open)
    {
        index++;
        var items = new List<(Expr, Expr)>();
        while (!Accept(TokenKind.Operator, "}"))
        {
            if (items.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
                if (Accept(TokenKind.Operator, "}"))
                {
                    break;
                }
            }

            var key = ParseExpression();
            Expect(TokenKind.Operator, ":");
            items.Add((key, ParseExpression()));
        }

        return new DictExpr(items, open.Offset);
    }
}
