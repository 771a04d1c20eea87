using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Parsing;
using ChatRag.Decoder.Onnx.Templates;
using ChatRag.Decoder.Onnx.Tests.Fakes;
using ChatRag.Decoder.Onnx.Tests.Reference;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>The tool-call format comes from the template's own text; a template without one gets no tools.</summary>
public sealed class ToolFormatDetectionTests : IDisposable
{
    private readonly FolderTemplateParityTests folders = new();

    public void Dispose() => folders.Dispose();

    [Theory]
    [InlineData("{% for m in messages %}{{ m.content }}{% endfor %}<tool_call>", ToolCallSyntax.Hermes)]
    [InlineData("{% if tools %}[AVAILABLE_TOOLS]{{ tools | tojson }}[/AVAILABLE_TOOLS]{% endif %}{% for m in messages %}{% if m.tool_calls %}[TOOL_CALLS]{% endif %}{% endfor %}", ToolCallSyntax.Mistral)]
    [InlineData("{% for m in messages %}<|{{ m.role }}|>{% if m.tools %}<|tool|>{{ m.tools }}<|/tool|>{% endif %}{% endfor %}", ToolCallSyntax.Phi4)]
    [InlineData("<|start_header_id|>{% if tools %}Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}{% endif %}", ToolCallSyntax.Llama3Json)]
    [InlineData("{% for m in messages %}{% if m.role == 'ipython' %}<|python_tag|>{% endif %}{% endfor %}", ToolCallSyntax.Llama3Json)]
    [InlineData("{% for m in messages %}<|start_header_id|>{{ m.role }}<|end_header_id|>{{ m.content }}{% endfor %}", ToolCallSyntax.None)]
    public void SyntaxIsReadFromTheTemplateText(string source, ToolCallSyntax expected)
    {
        Assert.Equal(expected, TemplateFeatures.Of(source).ToolCalls);
    }

    [Fact]
    public void RealQwen3TemplateDeclaresHermesCallsAndTheThinkingSwitch()
    {
        var template = Assert.IsType<JinjaChatTemplate>(ChatTemplates.Detect(folders.WriteFolder("qwen3")));

        Assert.Equal(new TemplateFeatures(ToolCallSyntax.Hermes, ThinkingSwitch: true, Reasoning: true), template.Features);
    }

    [Fact]
    public async Task TemplateWithoutToolFormatIsOfferedNoToolsAndItsJsonStaysText()
    {
        // The @lenml Llama 3.1 folder carries Llama 3's template, which has no tool format.
        var generator = new ScriptedTextGenerator(_ => ["{\"name\": \"search_documents\", \"parameters\": {\"query\": \"x\"}}"]);
        var template = ChatTemplates.Detect(folders.WriteFolder("llama3_1"));
        using var client = new OnnxChatClient(generator, template);
        var tool = AIFunctionFactory.CreateDeclaration("search_documents", "Search the user's documents.", AIFunctionFactory.Create((string query) => query).JsonSchema);

        var response = await client.GetResponseAsync("Find x", new ChatOptions { Tools = [tool] });

        Assert.False(template.SupportsTools);
        Assert.DoesNotContain("search_documents", Assert.Single(generator.Prompts), StringComparison.Ordinal);
        Assert.Empty(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.StartsWith("{\"name\"", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MistralCallsAfterTheToolCallsTagAreParsed()
    {
        const string Source = "{% for m in messages %}[INST]{{ m.content }}[/INST]{% if m.tool_calls %}[TOOL_CALLS]{% endif %}{% endfor %}";
        var template = new JinjaChatTemplate(Source, new Dictionary<string, string> { ["eos_token"] = "</s>" }, null);
        var generator = new ScriptedTextGenerator(_ => ["[TOOL", "_CALLS][{\"name\": \"get_weather\", ", "\"arguments\": {\"city\": \"Paris\"}}]"]);
        using var client = new OnnxChatClient(generator, template);

        var response = await client.GetResponseAsync("Weather?");

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Paris", call.Arguments!["city"]!.ToString());
        Assert.Equal(string.Empty, response.Text);
    }

    [Fact]
    public void MistralTagFollowedByTextIsWrittenBackAsText()
    {
        var parser = new ModelOutputParser(new ModelOutputParserOptions { ToolCalls = ToolCallSyntax.Mistral });

        var contents = parser.Push("[TOOL_CALLS] not json").Concat(parser.Complete()).ToList();

        var text = string.Concat(contents.OfType<TextContent>().Select(t => t.Text));
        Assert.Empty(contents.OfType<FunctionCallContent>());
        Assert.StartsWith("[TOOL_CALLS]", text, StringComparison.Ordinal);
        Assert.EndsWith("not json", text, StringComparison.Ordinal);
    }
}
