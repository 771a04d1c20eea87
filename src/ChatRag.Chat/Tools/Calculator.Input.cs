using System.Globalization;

namespace ChatRag.Chat.Tools;

/// <summary>The bounds an expression must pass before NCalc sees it.</summary>
public static partial class Calculator
{
    private const int MaxLength = 1_000;
    private const int MaxDepth = 100;
    private const string Operators = "()+-*/%^,";

    private static readonly Dictionary<string, double> Constants = new(StringComparer.Ordinal) { ["pi"] = Math.PI, ["e"] = Math.E };

    private static void CheckInput(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CalculatorException("The expression is empty.");
        }

        if (text.Length > MaxLength)
        {
            throw new CalculatorException($"The expression is longer than {MaxLength} characters.");
        }

        var depth = 0;
        var last = ' ';
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            last = c;
            if (char.IsAsciiDigit(c) || c == '.')
            {
                i = SkipNumber(text, i);
                continue;
            }

            if (char.IsAsciiLetter(c))
            {
                i = SkipName(text, i);
                continue;
            }

            if (c == '(' && ++depth > MaxDepth)
            {
                // NCalc parses and evaluates recursively: deep nesting would overflow the stack.
                throw new CalculatorException("The expression is nested too deeply.");
            }

            if ((c == ')' && --depth < 0) || !Operators.Contains(c))
            {
                throw Unexpected(c, i);
            }

            i++;
        }

        if (depth > 0)
        {
            throw new CalculatorException("Expected ')' at the end.");
        }

        if (last != ')' && Operators.Contains(last))
        {
            throw new CalculatorException("The expression ends too early.");
        }
    }

    private static CalculatorException Unexpected(char c, int index) => new($"Unexpected '{c}' at position {index + 1}.");

    private static int SkipNumber(string text, int start)
    {
        var position = start;
        while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
        {
            position++;
        }

        if (position + 1 < text.Length && text[position] is 'e' or 'E' && (char.IsAsciiDigit(text[position + 1]) || text[position + 1] is '-' or '+'))
        {
            position += 2;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }
        }

        var token = text[start..position];
        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? position
            : throw new CalculatorException($"'{token}' is not a number.");
    }

    // Only our constants and functions get through: NCalc never sees an identifier, a keyword (if, in, and, not,
    // true) or one of its own built-in functions.
    private static int SkipName(string text, int start)
    {
        var position = start;
        while (position < text.Length && char.IsAsciiLetterOrDigit(text[position]))
        {
            position++;
        }

        var name = text[start..position].ToLowerInvariant();
        var next = position;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        var isCall = next < text.Length && text[next] == '(';
        if (isCall && !Functions.Names.Contains(name))
        {
            throw new CalculatorException($"Unknown function '{name}'; use {Functions.List}.");
        }

        if (!isCall && !Constants.ContainsKey(name))
        {
            throw new CalculatorException(Functions.Names.Contains(name)
                ? $"{name} needs its argument in parentheses."
                : $"Unknown name '{name}'; the only constants are pi and e.");
        }

        return position;
    }
}
