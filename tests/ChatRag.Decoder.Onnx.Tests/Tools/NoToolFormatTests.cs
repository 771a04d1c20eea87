using ChatRag.Core.Conversations;
using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Templates;
using ChatRag.Decoder.Onnx.Tests.Fakes;
using ChatRag.Decoder.Onnx.Tools;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tests.Tools;

/// <summary>
/// A model whose chat template declares no tool-call format (Llama 2's, here a minimal one that still prints any
/// tools it is given) is offered no tools: the prompt holds none, and the client says so through
/// <see cref="ToolCallSupport"/>, which the chat orchestrator turns into a trace note.
/// </summary>
public sealed class NoToolFormatTests
{
    // Prints the tools when given any: the test fails if the client hands them over.
    private const string Source = "{% if tools %}TOOLS:{% for t in tools %}{{ t.function.name }}{% endfor %}\n{% endif %}"
        + "{% for m in messages %}[{{ m.role }}] {{ m.content }}\n{% endfor %}{% if add_generation_prompt %}[assistant] {% endif %}";

    [Fact]
    public async Task ATemplateWithoutAToolFormatGetsNoToolsAndSaysSo()
    {
        var generator = new ScriptedTextGenerator(_ => ["Hello."]);
        var template = new JinjaChatTemplate(Source, new Dictionary<string, string>(), family: null, familyName: "plain");
        var tool = AIFunctionFactory.Create((string city) => "sunny", "get_weather");
        using var inner = new OnnxChatClient(generator, template);
        using var client = new ChatClientBuilder(inner).UseGuardedFunctionInvocation().Build();

        var response = await client.GetResponseAsync("Weather in Paris?", new ChatOptions { Tools = [tool] });

        Assert.Equal("Hello.", response.Text);
        Assert.DoesNotContain("TOOLS:", Assert.Single(generator.Prompts), StringComparison.Ordinal);
        var support = client.GetService<ToolCallSupport>();
        Assert.NotNull(support);
        Assert.False(support.Supported);
        Assert.Contains("declares no tool-call format", support.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AHermesTemplateSaysItSupportsTools()
    {
        var source = "{% for m in messages %}{{ m.content }}{% endfor %}<tool_call>";
        using var client = new OnnxChatClient(new ScriptedTextGenerator(_ => []), new JinjaChatTemplate(source, new Dictionary<string, string>(), null, "hermes"));

        Assert.True(client.GetService<ToolCallSupport>()!.Supported);
    }
}
