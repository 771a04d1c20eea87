using ChatRag.Chat.Tools;

namespace ChatRag.Chat.Tests.Tools;

public sealed class CalculatorTests
{
    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("2 ^ 3 ^ 2", 512)]
    [InlineData("-2 ^ 2", -4)]
    [InlineData("(-2) ^ 2", 4)]
    [InlineData("10 % 4", 2)]
    [InlineData("7 / 2", 3.5)]
    [InlineData("--3", 3)]
    [InlineData("sqrt(16) + abs(-2)", 6)]
    [InlineData("round(2.5)", 3)]
    [InlineData("round(3.14159, 2)", 3.14)]
    [InlineData("min(4, 2, 8) + max(1, 9)", 11)]
    [InlineData("log(exp(2))", 2)]
    [InlineData("1.5e3 / 3", 500)]
    [InlineData("2 * pi", 2 * Math.PI)]
    [InlineData("2 ^ 3", 8)] // NCalc's own '^' is XOR (1); ours is a power
    [InlineData("2147483647 + 1", 2147483648)] // NCalc's integer literals are Int32, which would wrap
    [InlineData("99999999999 * 99999999999", 9.9999999998e21)] // and Int64, which would wrap too
    [InlineData("2 / 3 * 3", 2)] // no integer division
    [InlineData("7 % 2.5", 2)]
    [InlineData("SQRT(16) + Abs(-1) + PI - pi", 5)] // our names in any case, never NCalc's PascalCase built-ins
    [InlineData("min(3)", 3)]
    [InlineData("2 ^ -3", 0.125)]
    [InlineData("2 ^ (-(1 + 2))", 0.125)]
    [InlineData("2 ^ (-2 ^ 2)", 0.0625)]
    public void Evaluates_arithmetic(string expression, double expected) =>
        Assert.Equal(expected, Calculator.Evaluate(expression), 9);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("1 +", "ends too early")]
    [InlineData("(1 + 2", "Expected ')'")]
    [InlineData("1 / 0", "Division by zero")]
    [InlineData("2 $ 3", "Unexpected '$'")]
    [InlineData("system(1)", "Unknown function")]
    [InlineData("sqrt(-1)", "negative")]
    [InlineData("1.2.3", "not a number")]
    [InlineData("10 ^ 400", "finite")]
    [InlineData("5 % 0", "Division by zero")]
    [InlineData("0 / 0", "Division by zero")]
    [InlineData("1 + * 2", "not valid arithmetic")]
    [InlineData("(1, 2)", "arithmetic only")]
    [InlineData("1 )", "Unexpected ')'")]
    [InlineData("abs(1, 2)", "one argument")]
    public void Bad_input_gets_a_clear_error(string expression, string expected)
    {
        var error = Assert.Throws<CalculatorException>(() => Calculator.Evaluate(expression));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    // Each of these is an expression NCalc itself would evaluate; the calculator refuses it before NCalc sees the text.
    [Theory]
    [InlineData("x + 1", "Unknown name 'x'")]
    [InlineData("true", "Unknown name 'true'")]
    [InlineData("if(1, 2, 3)", "Unknown function 'if'")]
    [InlineData("1 in (1, 2)", "Unknown function 'in'")]
    [InlineData("not 1", "Unknown name 'not'")]
    [InlineData("1 and 2", "Unknown name 'and'")]
    [InlineData("Pow(2, 3)", "Unknown function 'pow'")]
    [InlineData("Truncate(1.5)", "Unknown function 'truncate'")]
    [InlineData("'a' + 1", "Unexpected '''")]
    [InlineData("\"a\"", "Unexpected '\"'")]
    [InlineData("[x] * 2", "Unexpected '['")]
    [InlineData("{x} * 2", "Unexpected '{'")]
    [InlineData("#2026-12-06#", "Unexpected '#'")]
    [InlineData("6 & 3", "Unexpected '&'")]
    [InlineData("6 | 3", "Unexpected '|'")]
    [InlineData("~6", "Unexpected '~'")]
    [InlineData("1 << 3", "Unexpected '<'")]
    [InlineData("1 == 1", "Unexpected '='")]
    [InlineData("1 ? 2 : 3", "Unexpected '?'")]
    [InlineData("3!", "Unexpected '!'")]
    [InlineData("sqrt 4", "needs its argument in parentheses")]
    [InlineData("\u03c0 * 2", "Unexpected")]
    public void What_NCalc_would_allow_beyond_arithmetic_is_refused(string expression, string expected)
    {
        var error = Assert.Throws<CalculatorException>(() => Calculator.Evaluate(expression));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_not_a_stack_overflow()
    {
        var expression = new string('(', 400) + "1" + new string(')', 400);

        var error = Assert.Throws<CalculatorException>(() => Calculator.Evaluate(expression));
        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_chains_without_parentheses_are_evaluated_within_the_length_bound()
    {
        // Parentheses are capped at 100 levels; chains of operators nest NCalc's tree too, bounded only by the length.
        Assert.Equal(-1, Calculator.Evaluate(new string('-', 999) + "1"));
        Assert.Equal(1, Calculator.Evaluate("1" + string.Concat(Enumerable.Repeat(" / 1", 249))));
        Assert.Equal(1, Calculator.Evaluate(string.Concat(Enumerable.Repeat("1^", 499)) + "1"));
        Assert.Throws<CalculatorException>(() => Calculator.Evaluate(new string('-', 1_000) + "1"));
    }
}
