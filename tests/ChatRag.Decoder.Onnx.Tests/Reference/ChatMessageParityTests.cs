using System.Text.Json;
using ChatRag.Decoder.Onnx.Templates;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tests.Reference;

/// <summary>
/// The decoder's own path, Microsoft.Extensions.AI messages and tools through <see cref="JinjaChatTemplate"/>,
/// gives the prompts transformers.js gives for the same conversation in OpenAI form (real Qwen3 template).
/// </summary>
public sealed class ChatMessageParityTests : IDisposable
{
    private readonly FolderTemplateParityTests folders = new();

    public void Dispose() => folders.Dispose();

    [Fact]
    public void ToolCallAndResultWithDeclaredTools()
    {
        var expected = FolderTemplateParityTests.Case("qwen3", "tool-call-and-result").GetProperty("prompt").GetString();
        var template = Assert.IsType<JinjaChatTemplate>(ChatTemplates.Detect(folders.WriteFolder("qwen3")));
        var arguments = new Dictionary<string, object?> { ["query"] = "leave policy", ["top"] = 3 };
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "Find the leave policy."),
            new(ChatRole.Assistant, [new FunctionCallContent("call-1", "search_documents", arguments)]),
            new(ChatRole.Tool, [new FunctionResultContent("call-1", "{\"results\": [\"Employees get 25 days.\"]}")]),
        ];

        Assert.Equal(expected, template.Render(messages, Tools(), addGenerationPrompt: true));
    }

    [Fact]
    public void ReasoningContentAndEnableThinking()
    {
        var template = Assert.IsType<JinjaChatTemplate>(ChatTemplates.Detect(folders.WriteFolder("qwen3")));
        List<ChatMessage> history =
        [
            new(ChatRole.User, "2+2?"),
            new(ChatRole.Assistant, [new TextReasoningContent("Add two and two."), new TextContent("4")]),
        ];
        List<ChatMessage> question = [new(ChatRole.User, "Quick answer: capital of France?")];

        Assert.Equal(Prompt("reasoning-content-field"), template.Render(history, null, addGenerationPrompt: false));
        Assert.Equal(Prompt("enable-thinking-false"), template.Render(question, null, true, new Dictionary<string, object?> { ["enable_thinking"] = false }));
    }

    private static string? Prompt(string name) => FolderTemplateParityTests.Case("qwen3", name).GetProperty("prompt").GetString();

    private static List<AITool> Tools() =>
        [.. ReferenceFiles.ChatTemplates.GetProperty("cases").EnumerateArray()
            .First(c => c.GetProperty("conversation").TryGetProperty("tools", out _))
            .GetProperty("conversation").GetProperty("tools").EnumerateArray()
            .Select(t => t.GetProperty("function"))
            .Select(f => (AITool)AIFunctionFactory.CreateDeclaration(
                f.GetProperty("name").GetString()!, f.GetProperty("description").GetString(), f.GetProperty("parameters").Clone()))];
}
