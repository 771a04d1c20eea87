using System.Globalization;
using NCalc;
using NCalc.Exceptions;
using NCalc.Handlers;

namespace ChatRag.Chat.Tools;

/// <summary>
/// The calculator tool: arithmetic evaluated by NCalc behind our own input bounds. Numbers, <c>+ - * / % ^</c>,
/// parentheses, unary minus, the functions sqrt, abs, round, min, max, log, exp and the constants pi and e.
/// <c>^</c> is a power (NCalc's <c>**</c>, not its XOR), right-associative and tighter than a leading unary minus
/// (<c>-2^2 = -4</c>); every number is a double, so <c>7/2 = 3.5</c> and nothing wraps at Int32.
/// </summary>
/// <remarks>
/// NCalc's language is far larger than arithmetic (identifiers, strings, dates, <c>if</c>, <c>in</c>, comparisons,
/// bitwise operators, its own built-in functions). The model writes the expression, so NCalc sees only text that passed
/// <see cref="CheckInput"/> (length, depth, characters, names), and evaluates only a tree that <see cref="ArithmeticTree"/>
/// rebuilt from the node kinds we offer. One precedence differs from the evaluator this replaced: after a power
/// NCalc reads a minus as part of the number, so <c>2^-2^2</c> is <c>2^((-2)^2) = 16</c>, and refuses a minus there before a
/// parenthesis or a name (<c>2^-(1+1)</c>, <c>2^-pi</c>): a negative exponent that is not a plain number goes in parentheses,
/// <c>2^(-(1+1))</c>, as the tool's description tells the model.
/// </remarks>
public static partial class Calculator
{
    /// <summary>Evaluates <paramref name="expression"/>; throws <see cref="CalculatorException"/> on bad input.</summary>
    public static double Evaluate(string expression)
    {
        CheckInput(expression);

        // With strings and identifiers refused, '^' can only be our power operator.
        var parsed = Parse(expression.Replace("^", "**", StringComparison.Ordinal));
        var tree = parsed.Accept(new ArithmeticTree());
        var evaluation = new Expression(tree, ExpressionOptions.NoCache, cultureInfo: CultureInfo.InvariantCulture);
        evaluation.EvaluateFunction += OnFunction;
        evaluation.EvaluateBinary += OnBinary;

        var value = ToDouble(evaluation.Evaluate());
        return double.IsFinite(value) ? value : throw new CalculatorException("The result is not a finite number (division by zero or overflow).");
    }

    private static LogicalExpression Parse(string text)
    {
        try
        {
            return new Expression(text, ExpressionOptions.NoCache, cultureInfo: CultureInfo.InvariantCulture).GetLogicalExpression()
                ?? throw new CalculatorException("The expression is not valid arithmetic.");
        }
        catch (NCalcParserException e)
        {
            throw new CalculatorException($"The expression is not valid arithmetic ({(e.InnerException ?? e).Message})", e);
        }
    }

    private static void OnFunction(string name, FunctionEventArgs args)
    {
        var values = new double[args.Parameters.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ToDouble(args.Parameters.Evaluate(i));
        }

        args.Result = Functions.Apply(name, values);
    }

    // NCalc's double division gives infinity or NaN for a zero divisor; the model is better told why.
    private static void OnBinary(BinaryEventArgs args)
    {
        if (args.BinaryExpression.Type is not (BinaryExpressionType.Div or BinaryExpressionType.Modulo))
        {
            return;
        }

        var left = ToDouble(args.LeftValue());
        var right = ToDouble(args.RightValue());
        if (right == 0)
        {
            throw new CalculatorException("Division by zero.");
        }

        args.Result = args.BinaryExpression.Type == BinaryExpressionType.Div ? left / right : left % right;
    }

    private static double ToDouble(object? value) => value switch
    {
        double d => d,
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        _ => throw new CalculatorException("The expression is not a number."),
    };
}
