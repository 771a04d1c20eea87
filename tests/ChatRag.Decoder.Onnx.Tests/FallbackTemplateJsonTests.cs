using System.Text.Json;
using ChatRag.Decoder.Onnx.Templates;
using ChatRag.Templating;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>
/// The hand-written fallback templates write call arguments with the same JSON writer as the Jinja engine's
/// <c>tojson</c>: numbers as transformers.js prints them (<c>1.50</c> is <c>1.5</c>, <c>1e2</c> is <c>100</c>), not
/// the model's raw spelling, so a conversation renders the same whichever template a folder ends up with.
/// </summary>
public sealed class FallbackTemplateJsonTests
{
    [Fact]
    public void CallArgumentsAreWrittenAsTheJinjaEngineWritesThem()
    {
        using var arguments = JsonDocument.Parse("""{"ratio": 1.50, "count": 1e2, "city": "Zürich", "tags": []}""");
        var call = new FunctionCallContent("call_1", "search", arguments.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone()));
        var messages = new List<ChatMessage> { new(ChatRole.User, "Go."), new(ChatRole.Assistant, [call]) };

        var rendered = new QwenChatTemplate().Render(messages, tools: null, addGenerationPrompt: false);
        var jinja = JinjaTemplate.Parse("{{ args | tojson }}", TemplateOptions.ChatTemplate)
            .Render(new Dictionary<string, object?> { ["args"] = arguments.RootElement });

        Assert.Equal("""{"ratio": 1.5, "count": 100, "city": "Zürich", "tags": []}""", jinja);
        Assert.Contains("\"arguments\": " + jinja, rendered, StringComparison.Ordinal);
    }
}
