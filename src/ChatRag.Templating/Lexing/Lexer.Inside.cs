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
            while (position < length && char.IsWhiteSpace(source[position]))
            {
                position++;
            }

            if (position >= length)
            {
                throw TemplateException.At(source, position, "Unclosed tag at end of template");
            }

            var c = source[position];
            if (braces == 0 && TryClose(close, closeFirst))
            {
                return;
            }

            var start = position;
            if (char.IsLetter(c) || c == '_')
            {
                while (position < length && (char.IsLetterOrDigit(source[position]) || source[position] == '_'))
                {
                    position++;
                }

                tokens.Add(new Token(TokenKind.Name, source[start..position], start));
            }
            else if (char.IsAsciiDigit(c))
            {
                LexNumber(start);
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(new Token(TokenKind.String, LexString(c), start));
            }
            else
            {
                var op = Array.Find(Operators, o => string.CompareOrdinal(source, position, o, 0, o.Length) == 0)
                    ?? throw TemplateException.At(source, start, $"Unexpected character '{c}'");
                braces += op == "{" ? 1 : op == "}" ? -1 : 0;
                position += op.Length;
                tokens.Add(new Token(TokenKind.Operator, op, start));
            }
        }
    }

    private bool TryClose(TokenKind close, char closeFirst)
    {
        var at = position;
        var strip = source[at] == '-';
        if (strip)
        {
            at++;
        }

        if (at + 1 < source.Length && source[at] == closeFirst && source[at + 1] == '}')
        {
            tokens.Add(new Token(close, closeFirst + "}", position));
            position = at + 2;
            AfterClose(strip, trimBlock: close == TokenKind.BlockEnd);
            return true;
        }

        return false;
    }

    private void LexNumber(int start)
    {
        while (position < length && (char.IsAsciiDigit(source[position]) || source[position] == '_'))
        {
            position++;
        }

        var isFloat = position + 1 < length && source[position] == '.' && char.IsAsciiDigit(source[position + 1]);
        if (isFloat)
        {
            position++;
            while (position < length && char.IsAsciiDigit(source[position]))
            {
                position++;
            }
        }

        var text = source[start..position].Replace("_", string.Empty, StringComparison.Ordinal);
        _ = isFloat
            ? double.Parse(text, CultureInfo.InvariantCulture)
            : long.Parse(text, CultureInfo.InvariantCulture);
        tokens.Add(new Token(isFloat ? TokenKind.Float : TokenKind.Integer, text, start));
    }

    private string LexString(char quote)
    {
        var start = position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (position >= length)
            {
                throw TemplateException.At(source, start, "Unclosed string literal");
            }

            var c = source[position++];
            if (c == quote)
            {
                return Unescape(builder);
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var e = position < length ? source[position++] : '\0';
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
                    if (position + digits > length || !int.TryParse(source.AsSpan(position, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        throw TemplateException.At(source, position - 2, $"Invalid escape '\\{e}'");
                    }

                    builder.Append((char)code);
                    position += digits;
                    break;
                default:
                    // Python keeps unknown escapes verbatim, backslash included.
                    builder.Append('\\').Append(e);
                    break;
            }
        }
    }
}
