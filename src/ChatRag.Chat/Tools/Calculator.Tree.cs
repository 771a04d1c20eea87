using NCalc;
using NCalc.Visitors;

namespace ChatRag.Chat.Tools;

/// <summary>Rebuilds NCalc's parse tree from the node kinds the calculator offers.</summary>
public static partial class Calculator
{
    /// <summary>
    /// Every literal becomes a double (NCalc parses <c>7</c> as Int32, which wraps and divides as integers), names
    /// are lower-cased (NCalc's own built-ins are PascalCase and so never answer), and any other node is refused:
    /// the input check already keeps them out, this keeps them out if that check ever misses one.
    /// </summary>
    private sealed class ArithmeticTree : ILogicalExpressionVisitor<LogicalExpression>
    {
        public LogicalExpression Visit(BinaryExpression expression) => expression.Type switch
        {
            BinaryExpressionType.Plus or BinaryExpressionType.Minus or BinaryExpressionType.Times or BinaryExpressionType.Div
                or BinaryExpressionType.Modulo or BinaryExpressionType.Exponentiation =>
                new BinaryExpression(expression.Type, expression.LeftExpression.Accept(this), expression.RightExpression.Accept(this)),
            _ => throw NotArithmetic(expression.Type.ToString()),
        };

        public LogicalExpression Visit(UnaryExpression expression) => expression.Type is UnaryExpressionType.Negate or UnaryExpressionType.Positive
            ? new UnaryExpression(expression.Type, expression.Expression.Accept(this))
            : throw NotArithmetic(expression.Type.ToString());

        public LogicalExpression Visit(ValueExpression expression) => expression.Type is NCalc.ValueType.Integer or NCalc.ValueType.Float
            ? new ValueExpression(ToDouble(expression.Value))
            : throw NotArithmetic(expression.Type.ToString());

        public LogicalExpression Visit(Function function)
        {
            var name = function.Identifier.Name.ToLowerInvariant();
            if (!Functions.Names.Contains(name))
            {
                throw new CalculatorException($"Unknown function '{name}'; use {Functions.List}.");
            }

            var arguments = new List<LogicalExpression>(function.Parameters.Count);
            foreach (var argument in function.Parameters)
            {
                arguments.Add(argument.Accept(this));
            }

            return new Function(new Identifier(name), new LogicalExpressionList(arguments));
        }

        public LogicalExpression Visit(Identifier identifier) => Constants.TryGetValue(identifier.Name.ToLowerInvariant(), out var value)
            ? new ValueExpression(value)
            : throw new CalculatorException($"Unknown name '{identifier.Name}'; the only constants are pi and e.");

        public LogicalExpression Visit(TernaryExpression expression) => throw NotArithmetic("a conditional");

        public LogicalExpression Visit(LogicalExpressionList list) => throw NotArithmetic("a list of values");

        private static CalculatorException NotArithmetic(string what) => new($"The calculator does arithmetic only ({what} is not offered).");
    }
}
