using System.Reflection;

namespace ChatRag.VectorStore.Qdrant.Tests;

/// <summary>
/// A theory that replays a suite's tests against a real Qdrant named by <c>CHATRAG_QDRANT_URL</c>. Without it the theory
/// is one skip whose reason says how many cases did not run, so the run's summary cannot hide them.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealQdrantTheoryAttribute : TheoryAttribute
{
    /// <summary>Environment variable with the gRPC URL of a disposable Qdrant, e.g. <c>http://localhost:6334</c>.</summary>
    public const string Variable = "CHATRAG_QDRANT_URL";

    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the variable is missing, naming the suite and its case count.</summary>
    public RealQdrantTheoryAttribute(Type suite)
    {
        if (string.IsNullOrWhiteSpace(Url))
        {
            Skip = SkipReason(suite);
        }
    }

    /// <summary>The configured URL, or null.</summary>
    public static string? Url => Environment.GetEnvironmentVariable(Variable);

    /// <summary>The names of a suite's [Fact] tests, the cases the theory replays.</summary>
    public static TheoryData<string> Cases(Type suite) => [.. suite
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(m => m.GetCustomAttribute<FactAttribute>() is not null)
        .Select(m => m.Name)
        .Order(StringComparer.Ordinal)];

    /// <summary>Why the theory skips: every one of its cases, by count, did not run.</summary>
    public static string SkipReason(Type suite) =>
        $"SKIPPED: {Cases(suite).Count} cases of {suite.Name} against a real Qdrant did not run. Set {Variable} "
        + "(e.g. http://localhost:6334, docker run -p 6334:6334 qdrant/qdrant) to run them.";
}
