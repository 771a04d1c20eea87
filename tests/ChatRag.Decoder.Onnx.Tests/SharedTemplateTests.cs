using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>The conversation and tool the golden-string tests render in every family.</summary>
internal static class TemplateTestData
{
    public const string SystemPrompt = "You answer from the documentation.";
    public const string Question = "How do I configure the decoder?";
    public const string ToolResult = "ChatRag:Decoder:Endpoint sets the server.";

    public static AITool SearchTool { get; } = AIFunctionFactory.CreateDeclaration(
        "search",
        "Search the indexed corpus and return the most relevant passages.",
        JsonDocument.Parse("""
            {"type": "object", "properties": {"query": {"type": "string", "description": "What to look for."},
             "corpus": {"type": "string", "enum": ["code", "docs"], "description": "Which corpus to search."}},
             "required": ["query", "corpus"]}
            """).RootElement);

    public static FunctionCallContent SearchCall(string callId, string query, string corpus) =>
        new(callId, "search", new Dictionary<string, object?> { ["query"] = query, ["corpus"] = corpus });

    /// <summary>system, user, an assistant turn with one search call, its result.</summary>
    public static List<ChatMessage> ToolRoundTrip(bool withSystem = true)
    {
        var messages = new List<ChatMessage>();
        if (withSystem)
        {
            messages.Add(new ChatMessage(ChatRole.System, SystemPrompt));
        }

        messages.Add(new ChatMessage(ChatRole.User, Question));
        messages.Add(new ChatMessage(ChatRole.Assistant, [SearchCall("call_1", "decoder configuration", "docs")]));
        messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call_1", ToolResult)]));
        return messages;
    }
}

/// <summary>A clock stopped at a given instant, for the Llama "Today Date" line.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
