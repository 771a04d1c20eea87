namespace ChatRag.Ingestion.Tests.Benchmarks;

/// <summary>A fact that runs only when CHATRAG_BENCH=1: timings belong in benchmarks, not in the unit-test run.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CHATRAG_BENCH") != "1")
        {
            Skip = "Benchmark: set CHATRAG_BENCH=1 to run (prints throughput; asserts nothing about time).";
        }
    }
}
