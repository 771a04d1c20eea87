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
    public void Bad_input_gets_a_clear_error(string expression, string expected)
    {
        var error = Assert.Throws<CalculatorException>(() => Calculator.Evaluate(expression));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_not_a_stack_overflow()
    {
        var expression = new string('(', 400) + "1" + new string(')', 400);

        Assert.Throws<CalculatorException>(() => Calculator.Evaluate(expression));
    }
}
