using ChatRag.Chat.Orchestration;

namespace ChatRag.Chat.Tests;

public sealed class ArchitectureTests
{
    // The engine yields its own events and results; the REST contract is the server's to map to (issue #14).
    [Fact]
    public void Chat_engine_references_no_rest_contract_or_host()
    {
        var forbidden = new[] { "ChatRag.Contracts", "ChatRag.Server", "ChatRag.Web", "Microsoft.AspNetCore" };
        var references = typeof(ChatOrchestrator).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var offending = references.Where(r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal))).ToList();

        Assert.Empty(offending);
    }
}
