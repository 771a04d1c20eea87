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
    private readonly string _source;
    private readonly int _length;
    private readonly TemplateOptions _options;
    private readonly List<Token> _tokens = [];
    private int _position;

    private Lexer(string source, TemplateOptions options)
    {
        _source = source;
        _length = source.EndsWith('\n') ? source.Length - 1 : source.Length;
        _options = options;
    }

    public static List<Token> Tokenize(string source, TemplateOptions options)
    {
        var lexer = new Lexer(source, options);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        while (_position < _length)
        {
            var open = NextTagStart(_position);
            if (open > _position || open == -1)
            {
                var end = open == -1 ? _length : open;
                EmitText(_position, end, open == -1 ? null : _source[open + 1]);
                _position = end;
                continue;
            }

            var kind = _source[_position + 1];
            var strip = _position + 2 < _length && _source[_position + 2] == '-';
            if (strip)
            {
                StripLastText();
            }

            var start = _position;
            _position += strip ? 3 : 2;
            switch (kind)
            {
                case '#':
                    SkipComment(start);
                    break;
                case '%':
                    _tokens.Add(new Token(TokenKind.BlockStart, "{%", start));
                    LexInside(TokenKind.BlockEnd, '%');
                    break;
                default:
                    _tokens.Add(new Token(TokenKind.VariableStart, "{{", start));
                    LexInside(TokenKind.VariableEnd, '}');
                    break;
            }
        }

        _tokens.Add(new Token(TokenKind.End, string.Empty, _length));
    }

    private int NextTagStart(int from)
    {
        for (var i = _source.IndexOf('{', from); i != -1 && i + 1 < _length; i = _source.IndexOf('{', i + 1))
        {
            if (_source[i + 1] is '%' or '{' or '#')
            {
                return i;
            }
        }

        return -1;
    }

    private void EmitText(int start, int end, char? nextTag)
    {
        if (_options.LstripBlocks && nextTag is '%' or '#')
        {
            var cut = end;
            while (cut > start && _source[cut - 1] is ' ' or '\t')
            {
                cut--;
            }

            if (cut == 0 || _source[cut - 1] == '\n')
            {
                end = cut;
            }
        }

        if (end > start)
        {
            _tokens.Add(new Token(TokenKind.Text, _source[start..end], start));
        }
    }

    private void StripLastText()
    {
        if (_tokens.Count > 0 && _tokens[^1].Kind == TokenKind.Text)
        {
            var trimmed = _tokens[^1].Value.TrimEnd();
            if (trimmed.Length == 0)
            {
                _tokens.RemoveAt(_tokens.Count - 1);
            }
            else
            {
                _tokens[^1] = _tokens[^1] with { Value = trimmed };
            }
        }
    }

    private void SkipComment(int start)
    {
        var end = _source.IndexOf("#}", _position, StringComparison.Ordinal);
        if (end == -1 || end >= _length + 1)
        {
            throw TemplateException.At(_source, start, "Unclosed comment");
        }

        var stripAfter = end > _position && _source[end - 1] == '-';
        _position = end + 2;
        AfterClose(stripAfter, trimBlock: true);
    }

    private void AfterClose(bool stripAfter, bool trimBlock)
    {
        if (trimBlock && _options.TrimBlocks && _position < _length && _source[_position] == '\n')
        {
            _position++;
        }

        if (stripAfter)
        {
            while (_position < _length && char.IsWhiteSpace(_source[_position]))
            {
                _position++;
            }
        }
    }

    private static string Unescape(StringBuilder builder) => builder.ToString();
}
