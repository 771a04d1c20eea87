using System.Runtime.CompilerServices;
using ChatRag.Templating.Lexing;

namespace ChatRag.Templating.Parsing;

/// <summary>
/// Builds the template tree. Every tag, filter and test the engine cannot run is refused here, at load, with its
/// name and position, so an unsupported template never renders wrong text silently.
/// </summary>
internal sealed partial class Parser
{
    private readonly string source;
    private readonly List<Token> tokens;
    private int index;
    private int depth;

    /// <summary>Nested expressions and blocks allowed; thousands of '(' or 'not' would otherwise overflow the stack at load.</summary>
    private const int MaxNesting = 200;

    private Parser(string source, List<Token> tokens)
    {
        this.source = source;
        this.tokens = tokens;
    }

    private Token Current => tokens[index];

    public static IReadOnlyList<Node> Parse(string source, TemplateOptions options)
    {
        var parser = new Parser(source, Lexer.Tokenize(source, options));
        var body = parser.ParseBody(out var stop);
        if (stop is not null)
        {
            throw parser.Error(stop, $"Unexpected '{{% {stop.Value} %}}'");
        }

        return body;
    }

    /// <summary>Parses nodes until the end of input or a block tag named in <paramref name="stops"/> (returned in <paramref name="stop"/>).</summary>
    private List<Node> ParseBody(out Token? stop, params string[] stops)
    {
        var nodes = new List<Node>();
        stop = null;
        while (Current.Kind != TokenKind.End)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Text:
                    index++;
                    nodes.Add(new TextNode(token.Value, token.Offset));
                    break;
                case TokenKind.VariableStart:
                    index++;
                    var value = ParseExpression();
                    Expect(TokenKind.VariableEnd);
                    nodes.Add(new OutputNode(value, token.Offset));
                    break;
                case TokenKind.BlockStart:
                    var keyword = tokens[index + 1];
                    if (keyword.Kind == TokenKind.Name && stops.Contains(keyword.Value))
                    {
                        index += 2;
                        stop = keyword;
                        return nodes;
                    }

                    index++;
                    var statement = Nested(token, ParseStatement);
                    if (statement is not null)
                    {
                        nodes.Add(statement);
                    }

                    break;
                default:
                    throw Error(token, $"Unexpected '{token.Value}'");
            }
        }

        if (stops.Length > 0)
        {
            throw Error(Current, $"Missing '{{% {stops[^1]} %}}'");
        }

        return nodes;
    }

    private List<Node> ParseBlockUntil(string end)
    {
        var body = ParseBody(out _, end);
        Expect(TokenKind.BlockEnd);
        return body;
    }

    /// <summary>Runs one nested parse, refusing (with the position) a template that nests too deeply.</summary>
    private T Nested<T>(Token at, Func<T> parse)
    {
        if (depth >= MaxNesting)
        {
            throw Error(at, $"Template nests too deeply: more than {MaxNesting} levels");
        }

        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
        }
        catch (InsufficientExecutionStackException)
        {
            throw Error(at, "Template nests too deeply to parse");
        }

        depth++;
        try
        {
            return parse();
        }
        finally
        {
            depth--;
        }
    }

    private Token Expect(TokenKind kind, string? value = null)
    {
        var token = Current;
        if (token.Kind != kind || (value is not null && token.Value != value))
        {
            var wanted = value ?? kind.ToString();
            throw Error(token, $"Expected '{wanted}' but found '{(token.Kind == TokenKind.End ? "end of template" : token.Value)}'");
        }

        index++;
        return token;
    }

    private bool Accept(TokenKind kind, string value)
    {
        if (Current.Is(kind, value))
        {
            index++;
            return true;
        }

        return false;
    }

    private string ExpectName() => Expect(TokenKind.Name).Value;

    private TemplateException Error(Token token, string message) => TemplateException.At(source, token.Offset, message);
}
