namespace ChatRag.Storage.Sqlite.Tests.Benchmarks;

/// <summary>
/// A fact that runs only when <c>CHATRAG_BENCHMARKS=1</c>: benchmarks take minutes and need the shared BEIR data, so
/// the normal test run skips them and says why. Run them with
/// <c>CHATRAG_BENCHMARKS=1 dotnet test tests/ChatRag.Storage.Sqlite.Tests --filter Category=Benchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BenchmarkFactAttribute : FactAttribute
{
    /// <summary>Skips unless benchmarks are switched on.</summary>
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CHATRAG_BENCHMARKS") != "1")
        {
            Skip = "Benchmark: set CHATRAG_BENCHMARKS=1 to run (minutes; needs ../shared/data).";
        }
    }
}
