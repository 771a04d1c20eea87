using System.Text.Json;
using ChatRag.Contracts.Chat;
using ChatRag.Contracts.Collections;
using ChatRag.Contracts.Documents;
using ChatRag.Contracts.Health;
using ChatRag.Contracts.OpenAI;
using ChatRag.Contracts.Search;
using ChatRag.Contracts.Settings;

namespace ChatRag.Server.OpenApi;

/// <content>The samples: one heat-pump manual in a <c>manuals</c> collection, asked about once.</content>
internal static partial class ApiExamples
{
    private const string Question = "How often should the heat pump's air filter be cleaned?";
    private const string Passage = "Maintenance. Clean the air filter every two months during the heating season, and before the first start after summer.";
    private const string Answer = "Clean the air filter every two months during the heating season, and before the first start after summer [1].";
    private const string Model = "chatrag/manuals";

    private static readonly Guid DocumentId = Guid.Parse("3f2c1a9e-5b7d-4e0f-9a61-2d8c4b7e1f05");
    private static readonly Guid ConversationId = Guid.Parse("8b4e7d21-9c3a-4f6b-a2d0-51e9c7f3b804");
    private static readonly DateTimeOffset Asked = new(2026, 12, 6, 9, 30, 12, TimeSpan.Zero);

    /// <summary>Types whose example is a request a client sends: they leave out what may be omitted.</summary>
    internal static readonly HashSet<Type> RequestTypes = [typeof(ChatRequest), typeof(SearchQuery), typeof(ChatCompletionRequest), typeof(ChatCompletionRequestMessage), typeof(CreateCollection), typeof(UpdateCollection), typeof(UpdateChatSettings)];

    private static IEnumerable<object> Samples()
    {
        var claim = new CitedClaim(Answer[..^4], 0, Answer.Length - 4, 0.92, true);
        var citation = new ChatCitation(1, DocumentId, "heat-pump-manual.pdf", 412, Passage, 14, 20311, 20428, true, 0.92, [claim]);
        var hit = new TraceHit(1, 412, DocumentId, "heat-pump-manual.pdf", 14, 0.0325, new Dictionary<string, int> { ["bm25"] = 1, ["dense:arctic-xs"] = 2 });
        var tokens = new TraceTokens(1830, 31, 1861);
        var trace = new ChatTrace(
            Question, Question, "none", [hit], [], tokens, "qwen2.5-0.5b-instruct", "generative",
            new Dictionary<string, double> { ["rewrite"] = 0.1, ["retrieve"] = 42.7, ["answer"] = 1730.5, ["check"] = 12.3, ["total"] = 1786.0 })
        {
            Decoder = "qwen3-1.7b",
        };
        var response = new ChatResponse(ConversationId, Answer, [citation], "generative", trace) { DocumentIds = [DocumentId] };
        var source = new ExportedSource(1, DocumentId, "heat-pump-manual.pdf", 412, 14);
        var exportedTurn = new ExportedTurn(Question, Answer, "generative", [citation], [source], Asked);
        var progress = new DocumentProgress(38, 38);
        var document = new DocumentDetails(
            DocumentId, "heat-pump-manual.pdf", "manuals", "ready", 38, null, progress, 1843221, "application/pdf", Asked.UtcDateTime.AddMinutes(-20),
            new Dictionary<string, double> { ["readMs"] = 4.1, ["parseMs"] = 812.6, ["chunkMs"] = 22.9, ["storeMs"] = 31.4, ["embedMs"] = 2210.8, ["indexMs"] = 18.2, ["pages"] = 48 });
        var item = new SearchResultItem(DocumentId, "heat-pump-manual.pdf", 412, Passage, 0.0325, 14, "manuals", "Heat pump manual > Maintenance", 20311, 20428, hit.Ranks);
        var summary = new ConversationSummaryItem(ConversationId, Question, "manuals", Asked, Asked.AddSeconds(2));
        var userMessage = new ConversationMessageItem("user", Question, null, null, Asked);
        var assistantMessage = new ConversationMessageItem("assistant", Answer, [citation], trace, Asked.AddSeconds(2));
        var decoder = new DecoderStatus(true, "qwen3-1.7b", "generative");
        var decoderItem = new DecoderItem("qwen3-1.7b", "onnx", true, "loaded", 1843.2, 1);
        var ocr = new OcrStatus(true, "tesseract 5.3.0", "eng+fra");
        var usage = new ChatCompletionUsage(1830, 31, 1861);
        var completionMessage = new ChatCompletionMessage(Answer, null, [citation]);
        var completionChoice = new ChatCompletionChoice(0, completionMessage, "stop");
        var delta = new ChatCompletionDelta(Content: "Clean the air filter ");
        var chunkChoice = new ChatCompletionChunkChoice(0, delta, null);
        var modelItem = new ModelItem(Model, 1765013400);
        var error = new ErrorBody("The model 'chatrag/finance' does not exist or you do not have access to it.", "invalid_request_error", "model", "model_not_found");
        var userTurn = new ChatCompletionRequestMessage("user", JsonSerializer.SerializeToElement(Question));
        return
        [
            new ChatRequest(Question, Collection: "manuals", Stream: false, Model: "qwen3-1.7b") { DocumentIds = [DocumentId] },
            response,
            citation,
            claim,
            trace,
            hit,
            new TraceToolCall("calculator", new Dictionary<string, string?> { ["expression"] = "12 / 2" }, "6", 0.4),
            tokens,
            new TextChunkEvent("Clean the air filter "),
            new ConversationList([summary]),
            summary,
            new ConversationDetail(ConversationId, Question, "manuals", Asked, Asked.AddSeconds(2), [userMessage, assistantMessage]),
            assistantMessage,
            document,
            progress,
            new UploadedDocument(DocumentId, "heat-pump-manual.pdf", "queued"),
            new SearchQuery("air filter cleaning interval", "manuals", 5, "hybrid") { DocumentIds = [DocumentId] },
            new SearchResults([item], "hybrid", new Dictionary<string, double> { ["bm25"] = 2.1, ["dense:arctic-xs"] = 17.8, ["fuse"] = 0.1, ["total"] = 20.4 }),
            item,
            new ServerStatus(decoder, ["arctic-xs"], ["default", "manuals"], "default")
            {
                Ocr = ocr,
                Decoders = [decoderItem, new DecoderItem("vllm-8b", "openai", false, "unloaded", 0, 0)],
            },
            decoder,
            decoderItem,
            new ChatSettings("qwen3-1.7b", ["qwen3-1.7b", "vllm-8b"], 5, true, ["ChatRag__DefaultDecoder=qwen3-1.7b", "ChatRag__Chat__Sources=5"]),
            new UpdateChatSettings("vllm-8b", 8),
            ocr,
            new ChatCompletionRequest(Model, [userTurn], false),
            userTurn,
            new ChatCompletion("chatcmpl-5f0c9a7e2b4d4e1c8a3f6d9b0e2c7a41", 1765013412, Model, [completionChoice], usage, "generative"),
            completionChoice,
            completionMessage,
            usage,
            new ChatCompletionChunk("chatcmpl-5f0c9a7e2b4d4e1c8a3f6d9b0e2c7a41", 1765013412, Model, [chunkChoice]),
            chunkChoice,
            delta,
            new ModelList([modelItem]),
            modelItem,
            new ErrorResponse(error),
            error,
            new CollectionItem("manuals", "Appliance manuals", "Installation and maintenance manuals of the house's appliances.", 12, Asked.AddDays(-30)),
            new CreateCollection("manuals", "Appliance manuals", "Installation and maintenance manuals of the house's appliances."),
            new UpdateCollection("Home appliance manuals"),
            new ConversationExport(ConversationId, Question, "manuals", [DocumentId], Asked, Asked.AddMinutes(5), [exportedTurn]),
            exportedTurn,
            source,
        ];
    }
}
