namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>A fact that runs only when CHATRAG_BENCH=1: soaks take minutes and belong in benchmarks, not in the unit-test run.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BenchmarkFactAttribute : FactAttribute
{
    /// <summary>Skips unless benchmarks are switched on.</summary>
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CHATRAG_BENCH") != "1")
        {
            Skip = "Benchmark: set CHATRAG_BENCH=1 to run (a memory soak of about 900 generations per KV layout).";
        }
    }
}
