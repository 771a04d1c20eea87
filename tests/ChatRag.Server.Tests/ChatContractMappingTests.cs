using System.Text.Json;
using ChatRag.Chat.Citations;
using ChatRag.Chat.Orchestration;
using ChatRag.Chat.Tools;
using ChatRag.Contracts.Chat;
using ChatRag.Core.Retrieval.Reranking;
using ChatRag.Server.Endpoints;

namespace ChatRag.Server.Tests;

/// <summary>
/// The engine's result records and the REST contract must serialize alike: the engine stores its trace and citations
/// as JSON that the conversation routes read back as the contract, and the server sends the mapped contract. A field
/// added on one side only, dropped by the mapping, or renamed shows up here as a JSON difference.
/// </summary>
public sealed class ChatContractMappingTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_fully_populated_result_maps_to_the_contract_with_the_same_json()
    {
        var result = Populated(withOptional: true);

        var contract = result.ToContract();

        Assert.Equal(JsonSerializer.Serialize(result, Web), JsonSerializer.Serialize(contract, Web));
        Assert.Contains("\"rerank\":{", JsonSerializer.Serialize(contract, Web), StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_optional_fields_are_omitted_or_null_alike()
    {
        var result = Populated(withOptional: false);

        var json = JsonSerializer.Serialize(result.ToContract(), Web);

        Assert.Equal(JsonSerializer.Serialize(result, Web), json);
        Assert.DoesNotContain("\"rerank\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"decoder\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_trace_json_reads_back_as_the_contract_trace()
    {
        var trace = Populated(withOptional: true).Trace;

        var stored = JsonSerializer.Serialize(trace, Web);
        var read = JsonSerializer.Deserialize<ChatTrace>(stored, Web);

        Assert.NotNull(read);
        Assert.Equal(stored, JsonSerializer.Serialize(read, Web));
    }

    private static TurnResult Populated(bool withOptional)
    {
        var claim = new ClaimSupport("Water boils at 100 °C.", 0, 22, 0.75, true, withOptional ? 0.81 : null);
        var citation = new SourceCitation(1, Guid.NewGuid(), "physics.pdf", 42, "Water boils at 100 °C at sea level.", withOptional ? 3 : null, 10, 45, true, 0.75, [claim])
        {
            OcrConfidence = withOptional ? 91.5 : null,
        };
        var hit = new TurnTraceHit(1, 42, citation.DocumentId, "physics.pdf", 3, 0.031, new Dictionary<string, int> { ["bm25"] = 1, ["dense"] = 2 })
        {
            RerankScore = withOptional ? 0.9 : null,
            FusedRank = withOptional ? 2 : null,
        };
        var tool = new ToolCallRecord("search", new Dictionary<string, string?> { ["query"] = "boiling point", ["page"] = null }, "1 passage", 4.5, withOptional);
        var trace = new TurnTrace(
            "When does water boil?", "When does water boil?", "none", [hit], [tool], new TurnTokens(120, withOptional ? 30 : null, 150), "qwen3", "generative",
            new Dictionary<string, double> { ["total"] = 12.5 }, withOptional ? "Trimmed." : null, "Self-contained question.",
            withOptional ? new TurnEvidence(true, 0.8, 0.7, "Supported.") : null)
        {
            Rerank = withOptional ? new RerankOutcome("ms-marco", 20, true, null, 8.25) : null,
            Decoder = withOptional ? "local" : null,
        };
        return new TurnResult(Guid.NewGuid(), "Water boils at 100 °C [1].", [citation], "generative", trace, withOptional)
        {
            DocumentIds = withOptional ? [citation.DocumentId] : [],
        };
    }
}
