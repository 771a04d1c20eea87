using ChatRag.Decoder.Onnx.Templates;
using Microsoft.Extensions.AI;
using static ChatRag.Decoder.Onnx.Tests.TemplateTestData;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>Golden strings transcribed by hand from Qwen2.5-7B-Instruct's tokenizer_config.json chat_template.</summary>
public sealed class QwenTemplateTests
{
    private readonly QwenChatTemplate template = new();

    [Fact]
    public void WithoutSystemMessageTheDefaultSystemPromptIsUsed()
    {
        var prompt = template.Render([new ChatMessage(ChatRole.User, "Hello")], tools: null);

        Assert.Equal(
            "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n" +
            "<|im_start|>user\nHello<|im_end|>\n" +
            "<|im_start|>assistant\n",
            prompt);
    }

    [Fact]
    public void MultiTurnWithoutGenerationPrompt()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, "Be brief."),
            new(ChatRole.User, "Hi"),
            new(ChatRole.Assistant, "Hello!"),
            new(ChatRole.User, "And now?"),
        ];

        var prompt = template.Render(messages, tools: null, addGenerationPrompt: false);

        Assert.Equal(
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n" +
            "<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>user\nAnd now?<|im_end|>\n",
            prompt);
    }

    [Fact]
    public void ToolsCallsAndResultsRenderAsTheTemplateWrites()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, SystemPrompt),
            new(ChatRole.User, Question),
            new(ChatRole.Assistant, [new TextContent("Let me look."), SearchCall("a", "decoder configuration", "docs"), SearchCall("b", "DecoderOptions", "code")]),
            new(ChatRole.Tool, [new FunctionResultContent("a", ToolResult), new FunctionResultContent("b", "class DecoderOptions")]),
        ];

        var prompt = template.Render(messages, [SearchTool]);

        var expected = """
            <|im_start|>system
            You answer from the documentation.

            # Tools

            You may call one or more functions to assist with the user query.

            You are provided with function signatures within <tools></tools> XML tags:
            <tools>
            {"type": "function", "function": {"name": "search", "description": "Search the indexed corpus and return the most relevant passages.", "parameters": {"type": "object", "properties": {"query": {"type": "string", "description": "What to look for."}, "corpus": {"type": "string", "enum": ["code", "docs"], "description": "Which corpus to search."}}, "required": ["query", "corpus"]}}}
            </tools>

            For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:
            <tool_call>
            {"name": <function-name>, "arguments": <args-json-object>}
            </tool_call><|im_end|>
            <|im_start|>user
            How do I configure the decoder?<|im_end|>
            <|im_start|>assistant
            Let me look.
            <tool_call>
            {"name": "search", "arguments": {"query": "decoder configuration", "corpus": "docs"}}
            </tool_call>
            <tool_call>
            {"name": "search", "arguments": {"query": "DecoderOptions", "corpus": "code"}}
            </tool_call><|im_end|>
            <|im_start|>user
            <tool_response>
            ChatRag:Decoder:Endpoint sets the server.
            </tool_response>
            <tool_response>
            class DecoderOptions
            </tool_response><|im_end|>
            <|im_start|>assistant

            """;
        Assert.Equal(expected, prompt);
    }

    [Fact]
    public void ToolsWithoutSystemMessageUseTheDefaultPromptInTheToolBlock()
    {
        var prompt = template.Render(ToolRoundTrip(withSystem: false), [SearchTool]);

        Assert.StartsWith(
            "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.\n\n# Tools\n\n",
            prompt, StringComparison.Ordinal);
        Assert.EndsWith(
            "<|im_start|>user\nHow do I configure the decoder?<|im_end|>\n" +
            "<|im_start|>assistant\n<tool_call>\n{\"name\": \"search\", \"arguments\": {\"query\": \"decoder configuration\", \"corpus\": \"docs\"}}\n</tool_call><|im_end|>\n" +
            "<|im_start|>user\n<tool_response>\nChatRag:Decoder:Endpoint sets the server.\n</tool_response><|im_end|>\n" +
            "<|im_start|>assistant\n",
            prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void ArgumentsAndResultsAreWrittenLikePythonJsonDumps()
    {
        var call = new FunctionCallContent("c", "search", new Dictionary<string, object?> { ["query"] = "café \"quoted\"\n", ["limit"] = 3, ["exact"] = true });
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "q"),
            new(ChatRole.Assistant, [call]),
            new(ChatRole.Tool, [new FunctionResultContent("c", new Dictionary<string, object?> { ["hits"] = Array.Empty<string>(), ["n"] = 0 })]),
        ];

        var prompt = template.Render(messages, tools: null, addGenerationPrompt: false);

        Assert.Contains("{\"name\": \"search\", \"arguments\": {\"query\": \"café \\\"quoted\\\"\\n\", \"limit\": 3, \"exact\": true}}", prompt, StringComparison.Ordinal);
        Assert.Contains("<tool_response>\n{\"hits\": [], \"n\": 0}\n</tool_response>", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void StopStringsEndTheTurn() => Assert.Equal(["<|im_end|>", "<|endoftext|>"], template.StopStrings);
}
