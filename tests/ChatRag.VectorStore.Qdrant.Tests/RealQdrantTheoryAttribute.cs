namespace ChatRag.VectorStore.Qdrant.Tests;

/// <summary>A theory that runs only against a real Qdrant named by <c>CHATRAG_QDRANT_URL</c>, and says so when it skips.</summary>
public sealed class RealQdrantTheoryAttribute : TheoryAttribute
{
    /// <summary>Environment variable with the gRPC URL of a disposable Qdrant, e.g. <c>http://localhost:6334</c>.</summary>
    public const string Variable = "CHATRAG_QDRANT_URL";

    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the variable is missing.</summary>
    public RealQdrantTheoryAttribute()
    {
        if (string.IsNullOrWhiteSpace(Url))
        {
            Skip = $"SKIPPED: no real Qdrant. Set {Variable} (e.g. http://localhost:6334, docker run -p 6334:6334 qdrant/qdrant) to run the conformance suite against it.";
        }
    }

    /// <summary>The configured URL, or null.</summary>
    public static string? Url => Environment.GetEnvironmentVariable(Variable);
}
