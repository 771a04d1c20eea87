using System.Text;

namespace ChatRag.Templating.Lexing;

/// <summary>
/// Splits a template into text and tag tokens. Whitespace control follows Jinja (and @huggingface/jinja's
/// pre-processing): one trailing newline of the template is dropped, <c>lstrip_blocks</c> removes spaces and tabs
/// that start a line before <c>{%</c> or <c>{#</c>, <c>trim_blocks</c> removes the newline right after <c>%}</c> or
/// <c>#}</c>, and a <c>-</c> inside a delimiter strips all whitespace on that side.
/// </summary>
internal sealed partial class Lexer
{
    private readonly string source;
    private readonly int length;
    private readonly TemplateOptions options;
    private readonly List<Token> tokens = [];
    private int position;

    private Lexer(string source, TemplateOptions options)
    {
        this.source = source;
        length = source.EndsWith('\n') ? source.Length - 1 : source.Length;
        this.options = options;
    }

    public static List<Token> Tokenize(string source, TemplateOptions options)
    {
        var lexer = new Lexer(source, options);
        lexer.Run();
        return lexer.tokens;
    }

    private void Run()
    {
        while (position < length)
        {
            var open = NextTagStart(position);
            if (open > position || open == -1)
            {
                var end = open == -1 ? length : open;
                EmitText(position, end, open == -1 ? null : source[open + 1]);
                position = end;
                continue;
            }

            var kind = source[position + 1];
            var strip = position + 2 < length && source[position + 2] == '-';
            if (strip)
            {
                StripLastText();
            }

            var start = position;
            position += strip ? 3 : 2;
            switch (kind)
            {
                case '#':
                    SkipComment(start);
                    break;
                case '%':
                    tokens.Add(new Token(TokenKind.BlockStart, "{%", start));
                    LexInside(TokenKind.BlockEnd, '%');
                    break;
                default:
                    tokens.Add(new Token(TokenKind.VariableStart, "{{", start));
                    LexInside(TokenKind.VariableEnd, '}');
                    break;
            }
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, length));
    }

    private int NextTagStart(int from)
    {
        for (var i = source.IndexOf('{', from); i != -1 && i + 1 < length; i = source.IndexOf('{', i + 1))
        {
            if (source[i + 1] is '%' or '{' or '#')
            {
                return i;
            }
        }

        return -1;
    }

    private void EmitText(int start, int end, char? nextTag)
    {
        if (options.LstripBlocks && nextTag is '%' or '#')
        {
            var cut = end;
            while (cut > start && source[cut - 1] is ' ' or '\t')
            {
                cut--;
            }

            if (cut == 0 || source[cut - 1] == '\n')
            {
                end = cut;
            }
        }

        if (end > start)
        {
            tokens.Add(new Token(TokenKind.Text, source[start..end], start));
        }
    }

    private void StripLastText()
    {
        if (tokens.Count > 0 && tokens[^1].Kind == TokenKind.Text)
        {
            var trimmed = tokens[^1].Value.TrimEnd();
            if (trimmed.Length == 0)
            {
                tokens.RemoveAt(tokens.Count - 1);
            }
            else
            {
                tokens[^1] = tokens[^1] with { Value = trimmed };
            }
        }
    }

    private void SkipComment(int start)
    {
        var end = source.IndexOf("#}", position, StringComparison.Ordinal);
        if (end == -1 || end >= length + 1)
        {
            throw TemplateException.At(source, start, "Unclosed comment");
        }

        var stripAfter = end > position && source[end - 1] == '-';
        position = end + 2;
        AfterClose(stripAfter, trimBlock: true);
    }

    private void AfterClose(bool stripAfter, bool trimBlock)
    {
        if (trimBlock && options.TrimBlocks && position < length && source[position] == '\n')
        {
            position++;
        }

        if (stripAfter)
        {
            while (position < length && char.IsWhiteSpace(source[position]))
            {
                position++;
            }
        }
    }

    private static string Unescape(StringBuilder builder) => builder.ToString();
}
