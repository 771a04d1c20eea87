using System.Globalization;

namespace ChatRag.Chat.Tools;

/// <summary>
/// A safe arithmetic evaluator (recursive descent; no eval, no reflection): numbers, <c>+ - * / % ^</c>, parentheses,
/// unary minus and the functions sqrt, abs, round, min, max, log, exp, plus the constants pi and e.
/// <c>^</c> is right-associative and binds tighter than unary minus (<c>-2^2 = -4</c>).
/// </summary>
public sealed class Calculator
{
    private const int MaxLength = 1_000;
    private readonly string text;
    private int position;
    private int depth;

    private Calculator(string text) => this.text = text;

    /// <summary>Evaluates <paramref name="expression"/>; throws <see cref="CalculatorException"/> on bad input.</summary>
    public static double Evaluate(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw new CalculatorException("The expression is empty.");
        }

        if (expression.Length > MaxLength)
        {
            throw new CalculatorException($"The expression is longer than {MaxLength} characters.");
        }

        var calculator = new Calculator(expression);
        var value = calculator.ParseSum();
        calculator.SkipSpaces();
        if (calculator.position < expression.Length)
        {
            throw new CalculatorException($"Unexpected '{expression[calculator.position]}' at position {calculator.position + 1}.");
        }

        return double.IsFinite(value) ? value : throw new CalculatorException("The result is not a finite number (division by zero or overflow).");
    }

    private double ParseSum()
    {
        var value = ParseProduct();
        while (TryConsume('+', '-') is { } op)
        {
            var right = ParseProduct();
            value = op == '+' ? value + right : value - right;
        }

        return value;
    }

    private double ParseProduct()
    {
        var value = ParseUnary();
        while (TryConsume('*', '/', '%') is { } op)
        {
            var right = ParseUnary();
            if (op != '*' && right == 0)
            {
                throw new CalculatorException("Division by zero.");
            }

            value = op switch { '*' => value * right, '/' => value / right, _ => value % right };
        }

        return value;
    }

    private double ParseUnary()
    {
        if (TryConsume('-') is not null)
        {
            return -ParseUnary();
        }

        return TryConsume('+') is not null ? ParseUnary() : ParsePower();
    }

    private double ParsePower()
    {
        var value = ParseAtom();
        return TryConsume('^') is not null ? Math.Pow(value, ParseUnary()) : value;
    }

    private double ParseAtom()
    {
        SkipSpaces();
        if (position >= text.Length)
        {
            throw new CalculatorException("The expression ends too early.");
        }

        var c = text[position];
        if (c == '(')
        {
            position++;
            var value = Nested(ParseSum);
            Expect(')');
            return value;
        }

        if (char.IsDigit(c) || c == '.')
        {
            return ParseNumber();
        }

        if (char.IsLetter(c))
        {
            return ParseName();
        }

        throw new CalculatorException($"Unexpected '{c}' at position {position + 1}.");
    }

    private double ParseNumber()
    {
        var start = position;
        while (position < text.Length && (char.IsDigit(text[position]) || text[position] == '.'))
        {
            position++;
        }

        if (position < text.Length && text[position] is 'e' or 'E' && position + 1 < text.Length && (char.IsDigit(text[position + 1]) || text[position + 1] is '-' or '+'))
        {
            position += 2;
            while (position < text.Length && char.IsDigit(text[position]))
            {
                position++;
            }
        }

        var token = text[start..position];
        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CalculatorException($"'{token}' is not a number.");
    }

    private double ParseName()
    {
        var start = position;
        while (position < text.Length && char.IsLetterOrDigit(text[position]))
        {
            position++;
        }

        var name = text[start..position].ToLowerInvariant();
        switch (name)
        {
            case "pi":
                return Math.PI;
            case "e":
                return Math.E;
        }

        Expect('(');
        var args = new List<double> { Nested(ParseSum) };
        while (TryConsume(',') is not null)
        {
            args.Add(Nested(ParseSum));
        }

        Expect(')');
        return Functions.Apply(name, args);
    }

    private double Nested(Func<double> parse)
    {
        // Deep nesting would overflow the stack; refuse it instead.
        if (++depth > 100)
        {
            throw new CalculatorException("The expression is nested too deeply.");
        }

        var value = parse();
        depth--;
        return value;
    }

    private void Expect(char c)
    {
        if (TryConsume(c) is null)
        {
            throw new CalculatorException(position < text.Length ? $"Expected '{c}' at position {position + 1}." : $"Expected '{c}' at the end.");
        }
    }

    private char? TryConsume(params ReadOnlySpan<char> options)
    {
        SkipSpaces();
        if (position < text.Length && options.Contains(text[position]))
        {
            return text[position++];
        }

        return null;
    }

    private void SkipSpaces()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private static class Functions
    {
        public static double Apply(string name, List<double> args) => name switch
        {
            "sqrt" => One(name, args) is var x && x < 0 ? throw new CalculatorException("sqrt of a negative number.") : Math.Sqrt(args[0]),
            "abs" => Math.Abs(One(name, args)),
            "round" => args.Count == 2 ? Math.Round(args[0], (int)Math.Clamp(args[1], 0, 15), MidpointRounding.AwayFromZero) : Math.Round(One(name, args), MidpointRounding.AwayFromZero),
            "min" => args.Min(),
            "max" => args.Max(),
            "log" => One(name, args) is var v && v <= 0 ? throw new CalculatorException("log of a number that is not positive.") : Math.Log(v),
            "exp" => Math.Exp(One(name, args)),
            _ => throw new CalculatorException($"Unknown function '{name}'; use sqrt, abs, round, min, max, log or exp."),
        };

        private static double One(string name, List<double> args) =>
            args.Count == 1 ? args[0] : throw new CalculatorException($"{name} takes one argument.");
    }
}
