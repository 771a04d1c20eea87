namespace ChatRag.Chat.Tools;

/// <summary>The functions the calculator offers, with the domain checks NCalc's built-ins would not make.</summary>
public static partial class Calculator
{
    private static class Functions
    {
        public const string List = "sqrt, abs, round, min, max, log or exp";

        public static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "sqrt", "abs", "round", "min", "max", "log", "exp" };

        public static double Apply(string name, IReadOnlyList<double> args) => name switch
        {
            "sqrt" => One(name, args) is var x && x < 0 ? throw new CalculatorException("sqrt of a negative number.") : Math.Sqrt(x),
            "abs" => Math.Abs(One(name, args)),
            "round" => args.Count == 2 ? Math.Round(args[0], (int)Math.Clamp(args[1], 0, 15), MidpointRounding.AwayFromZero) : Math.Round(One(name, args), MidpointRounding.AwayFromZero),
            "min" => AtLeastOne(name, args).Min(),
            "max" => AtLeastOne(name, args).Max(),
            "log" => One(name, args) is var v && v <= 0 ? throw new CalculatorException("log of a number that is not positive.") : Math.Log(v),
            "exp" => Math.Exp(One(name, args)),
            _ => throw new CalculatorException($"Unknown function '{name}'; use {List}."),
        };

        private static double One(string name, IReadOnlyList<double> args) =>
            args.Count == 1 ? args[0] : throw new CalculatorException($"{name} takes one argument.");

        private static IReadOnlyList<double> AtLeastOne(string name, IReadOnlyList<double> args) =>
            args.Count > 0 ? args : throw new CalculatorException($"{name} takes at least one argument.");
    }
}
