using ChatRag.Contracts.Chat;

namespace ChatRag.Web.Tests;

internal static class Samples
{
    public static readonly Guid DocumentId = Guid.Parse("11111111-2222-3333-4444-555555555555");

    public const string Passage = "Aspirin is an old drug. Regular exercise lowers blood pressure in most adults. Salt raises it.";

    public static ChatCitation Citation(int index, bool supported = true, params CitedClaim[] claims) =>
        new(index, DocumentId, "report.pdf", 42, Passage, 3, 0, Passage.Length, supported, supported ? 0.9 : 0.1, claims);

    public static ChatTrace Trace(string mode = "generative") => new(
        "what lowers blood pressure?",
        "what lowers blood pressure in adults?",
        "model",
        [new TraceHit(1, 42, DocumentId, "report.pdf", 3, 0.0321, new Dictionary<string, int> { ["bm25"] = 1, ["arctic-xs"] = 2 })],
        [new TraceToolCall("calculator", new Dictionary<string, string?> { ["expression"] = "2+2" }, "4", 1.5)],
        new TraceTokens(120, 30, 150),
        "tiny-llm",
        mode,
        new Dictionary<string, double> { ["retrieval"] = 12.5, ["generation"] = 80 },
        null);

    /// <summary>
    /// A stored conversation of the default collection, as <c>GET api/v1/conversations/{id}</c> returns it: one question
    /// (its title) and the answer, or no messages without a question.
    /// </summary>
    public static ConversationDetail Conversation(
        Guid id, string? question = null, string answer = "It says this.", ChatTrace? trace = null, IReadOnlyList<ChatCitation>? citations = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new(id, question ?? "Scoped", "default", now, now, question is null ? [] :
        [
            new ConversationMessageItem("user", question, null, null, now),
            new ConversationMessageItem("assistant", answer, citations ?? [], trace ?? Trace(), now),
        ]);
    }

    public static ChatResponse Response(string answer, params ChatCitation[] citations) =>
        new(Guid.NewGuid(), answer, citations, "generative", Trace());
}
