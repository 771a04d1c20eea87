using ChatRag.Decoder.Onnx.Templates;
using Microsoft.Extensions.AI;
using static ChatRag.Decoder.Onnx.Tests.TemplateTestData;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>Golden strings transcribed by hand from Llama-3.2-3B-Instruct's chat_template (tools_in_user_message = true).</summary>
public sealed class Llama3TemplateTests
{
    private readonly Llama3ChatTemplate template = new(new FixedTimeProvider(new DateTimeOffset(2026, 11, 5, 9, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void PlainChatHasTheDateLinesAndAnEmptySystemMessage()
    {
        var prompt = template.Render([new ChatMessage(ChatRole.User, "  Hello  ")], tools: null);

        Assert.Equal(
            "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n" +
            "Cutting Knowledge Date: December 2023\nToday Date: 05 Nov 2026\n\n<|eot_id|>" +
            "<|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|>" +
            "<|start_header_id|>assistant<|end_header_id|>\n\n",
            prompt);
    }

    [Fact]
    public void SystemMessageIsTrimmedAndNoGenerationPromptEndsAfterTheLastTurn()
    {
        List<ChatMessage> messages = [new(ChatRole.System, " Be brief.\n"), new(ChatRole.User, "Hi"), new(ChatRole.Assistant, "Hello!")];

        var prompt = template.Render(messages, tools: null, addGenerationPrompt: false);

        Assert.Equal(
            "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n" +
            "Cutting Knowledge Date: December 2023\nToday Date: 05 Nov 2026\n\nBe brief.<|eot_id|>" +
            "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>" +
            "<|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|>",
            prompt);
    }

    [Fact]
    public void ToolsGoIntoTheFirstUserTurnAndResultsIntoIpython()
    {
        var prompt = template.Render(ToolRoundTrip(), [SearchTool]);

        var expected = """
            <|begin_of_text|><|start_header_id|>system<|end_header_id|>

            Environment: ipython
            Cutting Knowledge Date: December 2023
            Today Date: 05 Nov 2026

            You answer from the documentation.<|eot_id|><|start_header_id|>user<|end_header_id|>

            Given the following functions, please respond with a JSON for a function call with its proper arguments that best answers the given prompt.

            Respond in the format {"name": function name, "parameters": dictionary of argument name and its value}.Do not use variables.

            {
                "type": "function",
                "function": {
                    "name": "search",
                    "description": "Search the indexed corpus and return the most relevant passages.",
                    "parameters": {
                        "type": "object",
                        "properties": {
                            "query": {
                                "type": "string",
                                "description": "What to look for."
                            },
                            "corpus": {
                                "type": "string",
                                "enum": [
                                    "code",
                                    "docs"
                                ],
                                "description": "Which corpus to search."
                            }
                        },
                        "required": [
                            "query",
                            "corpus"
                        ]
                    }
                }
            }

            How do I configure the decoder?<|eot_id|><|start_header_id|>assistant<|end_header_id|>

            {"name": "search", "parameters": {"query": "decoder configuration", "corpus": "docs"}}<|eot_id|><|start_header_id|>ipython<|end_header_id|>

            "ChatRag:Decoder:Endpoint sets the server."<|eot_id|><|start_header_id|>assistant<|end_header_id|>


            """;
        Assert.Equal(expected, prompt);
    }

    [Fact]
    public void StructuredToolResultIsWrittenWithTojson()
    {
        var messages = ToolRoundTrip();
        messages[^1] = new ChatMessage(ChatRole.Tool,
            [new FunctionResultContent("call_1", new Dictionary<string, object?> { ["passages"] = new[] { "a", "b" }, ["total"] = 2 })]);

        var prompt = template.Render(messages, [SearchTool]);

        Assert.EndsWith(
            "<|start_header_id|>ipython<|end_header_id|>\n\n{\"passages\": [\"a\", \"b\"], \"total\": 2}<|eot_id|>" +
            "<|start_header_id|>assistant<|end_header_id|>\n\n",
            prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void ToolsWithoutAUserMessageFailAsTheTemplateDoes()
    {
        var error = Assert.Throws<InvalidOperationException>(() => template.Render([new ChatMessage(ChatRole.System, "s")], [SearchTool]));
        Assert.Contains("first user message", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultClockWritesToday()
    {
        var prompt = new Llama3ChatTemplate().Render([new ChatMessage(ChatRole.User, "Hi")], tools: null);
        var today = DateTimeOffset.Now.ToString("dd MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Today Date: " + today + "\n\n", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void StopStringsIncludeEndOfTurnAndEndOfMessage() =>
        Assert.Equal(["<|eot_id|>", "<|eom_id|>", "<|end_of_text|>"], template.StopStrings);
}
