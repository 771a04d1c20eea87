using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Templates;
using ChatRag.Decoder.Onnx.Tests.Fakes;
using ChatRag.Decoder.Onnx.Tools;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tests.Tools;

/// <summary>
/// A model's malformed tool call (broken JSON, an unknown tool, an argument of the wrong type) goes through the
/// production pipeline (<see cref="OnnxChatClient"/> with Qwen's Hermes parser behind
/// <see cref="ToolCallGuardChatClientBuilderExtensions.UseGuardedFunctionInvocation"/>) and comes back to the model as a
/// tool result holding the error: the second prompt contains it, the tool never runs, and the turn completes with
/// the model's next answer rather than an exception.
/// </summary>
public sealed class MalformedToolCallTests
{
    [Fact]
    public async Task BrokenJsonBecomesAToolErrorTheNextTurnReads()
    {
        var (prompts, invoked, response) = await RunAsync("<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": }\n</tool_call>");

        Assert.Equal(0, invoked);
        Assert.Contains("<tool_response>\nError: The tool call could not be read: the JSON is not valid", prompts[1], StringComparison.Ordinal);
        Assert.Equal("Sorry, let me answer directly.", response.Text);
    }

    [Fact]
    public async Task AnUnknownToolBecomesAToolErrorTheNextTurnReads()
    {
        var (prompts, invoked, response) = await RunAsync("<tool_call>\n{\"name\": \"get_stock_price\", \"arguments\": {\"symbol\": \"ACME\"}}\n</tool_call>");

        Assert.Equal(0, invoked);
        Assert.Contains("<tool_response>\nError: Requested function \"get_stock_price\" not found.", prompts[1], StringComparison.Ordinal);
        Assert.Equal("Sorry, let me answer directly.", response.Text);
    }

    [Fact]
    public async Task AnArgumentOfTheWrongTypeBecomesAToolErrorTheNextTurnReads()
    {
        var (prompts, invoked, response) = await RunAsync("<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"days\": \"three\"}}\n</tool_call>");

        Assert.Equal(0, invoked);
        Assert.Contains("<tool_response>\nError: the argument 'days' must be an integer, not a string (\"three\").", prompts[1], StringComparison.Ordinal);
        Assert.Equal("Sorry, let me answer directly.", response.Text);
    }

    [Fact]
    public async Task AMissingRequiredArgumentBecomesAToolError()
    {
        var (prompts, invoked, _) = await RunAsync("<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"days\": 2}}\n</tool_call>");

        Assert.Equal(0, invoked);
        Assert.Contains("Error: the required argument 'city' is missing.", prompts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWellFormedCallStillRuns()
    {
        var (prompts, invoked, _) = await RunAsync("<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"days\": 2}}\n</tool_call>");

        Assert.Equal(1, invoked);
        Assert.Contains("<tool_response>\nsunny for 2 days\n</tool_response>", prompts[1], StringComparison.Ordinal);
    }

    private static async Task<(List<string> Prompts, int Invoked, ChatResponse Response)> RunAsync(string call)
    {
        var generator = new ScriptedTextGenerator(prompt => prompt.Contains("<tool_response>", StringComparison.Ordinal)
            ? ["Sorry, ", "let me answer directly."]
            : [.. Chunks(call)]);
        var invoked = 0;
        var tool = AIFunctionFactory.Create((string city, int days) => { invoked++; return $"sunny for {days} days"; }, "get_weather");
        using var inner = new OnnxChatClient(generator, new QwenChatTemplate());
        using var client = new ChatClientBuilder(inner).UseGuardedFunctionInvocation().Build();

        var response = await client.GetResponseAsync("Weather in Paris?", new ChatOptions { Tools = [tool] });

        Assert.Equal(2, generator.Prompts.Count);
        return (generator.Prompts, invoked, response);
    }

    // Streamed a few characters at a time, as the decoder hands out tokens.
    private static IEnumerable<string> Chunks(string text)
    {
        for (var i = 0; i < text.Length; i += 5)
        {
            yield return text[i..Math.Min(text.Length, i + 5)];
        }
    }
}
