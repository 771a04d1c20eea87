using System.Globalization;
using System.Text;

namespace ChatRag.Templating.Lexing;

/// <summary>The tokens between <c>{%</c> / <c>{{</c> and their closing delimiter.</summary>
internal sealed partial class Lexer
{
    private static readonly string[] Operators =
        ["//", "**", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "~", "<", ">", "=", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|"];

    private void LexInside(TokenKind close, char closeFirst)
    {
        var braces = 0;
        while (true)
        {
            while (_position < _length && char.IsWhiteSpace(_source[_position]))
            {
                _position++;
            }

            if (_position >= _length)
            {
                throw TemplateException.At(_source, _position, "Unclosed tag at end of template");
            }

            var c = _source[_position];
            if (braces == 0 && TryClose(close, closeFirst))
            {
                return;
            }

            var start = _position;
            if (char.IsLetter(c) || c == '_')
            {
                while (_position < _length && (char.IsLetterOrDigit(_source[_position]) || _source[_position] == '_'))
                {
                    _position++;
                }

                _tokens.Add(new Token(TokenKind.Name, _source[start.._position], start));
            }
            else if (char.IsAsciiDigit(c))
            {
                LexNumber(start);
            }
            else if (c is '\'' or '"')
            {
                _tokens.Add(new Token(TokenKind.String, LexString(c), start));
            }
            else
            {
                var op = Array.Find(Operators, o => string.CompareOrdinal(_source, _position, o, 0, o.Length) == 0)
                    ?? throw TemplateException.At(_source, start, $"Unexpected character '{c}'");
                braces += op == "{" ? 1 : op == "}" ? -1 : 0;
                _position += op.Length;
                _tokens.Add(new Token(TokenKind.Operator, op, start));
            }
        }
    }

    private bool TryClose(TokenKind close, char closeFirst)
    {
        var at = _position;
        var strip = _source[at] == '-';
        if (strip)
        {
            at++;
        }

        if (at + 1 < _source.Length && _source[at] == closeFirst && _source[at + 1] == '}')
        {
            _tokens.Add(new Token(close, closeFirst + "}", _position));
            _position = at + 2;
            AfterClose(strip, trimBlock: close == TokenKind.BlockEnd);
            return true;
        }

        return false;
    }

    private void LexNumber(int start)
    {
        while (_position < _length && (char.IsAsciiDigit(_source[_position]) || _source[_position] == '_'))
        {
            _position++;
        }

        var isFloat = _position + 1 < _length && _source[_position] == '.' && char.IsAsciiDigit(_source[_position + 1]);
        if (isFloat)
        {
            _position++;
            while (_position < _length && char.IsAsciiDigit(_source[_position]))
            {
                _position++;
            }
        }

        var text = _source[start.._position].Replace("_", string.Empty, StringComparison.Ordinal);
        _ = isFloat
            ? double.Parse(text, CultureInfo.InvariantCulture)
            : long.Parse(text, CultureInfo.InvariantCulture);
        _tokens.Add(new Token(isFloat ? TokenKind.Float : TokenKind.Integer, text, start));
    }

    private string LexString(char quote)
    {
        var start = _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _length)
            {
                throw TemplateException.At(_source, start, "Unclosed string literal");
            }

            var c = _source[_position++];
            if (c == quote)
            {
                return Unescape(builder);
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var e = _position < _length ? _source[_position++] : '\0';
            switch (e)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'v': builder.Append('\v'); break;
                case '0': builder.Append('\0'); break;
                case '\\' or '\'' or '"': builder.Append(e); break;
                case '\n': break;
                case 'x' or 'u':
                    var digits = e == 'x' ? 2 : 4;
                    if (_position + digits > _length || !int.TryParse(_source.AsSpan(_position, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        throw TemplateException.At(_source, _position - 2, $"Invalid escape '\\{e}'");
                    }

                    builder.Append((char)code);
                    _position += digits;
                    break;
                default:
                    // Python keeps unknown escapes verbatim, backslash included.
                    builder.Append('\\').Append(e);
                    break;
            }
        }
    }
}
