using ChatRag.Core.Retrieval;

namespace ChatRag.Core.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Core_references_no_adapter_or_technology()
    {
        var forbidden = new[] { "ChatRag.", "Microsoft.EntityFrameworkCore", "Microsoft.ML.OnnxRuntime", "Qdrant", "Cloud.Unum", "Microsoft.AspNetCore", "Microsoft.Data.Sqlite" };
        var references = typeof(HybridSearcher).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var offending = references.Where(r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal))).ToList();

        Assert.Empty(offending);
    }
}
