using ChatRag.Decoder.Onnx.Templates;
using Microsoft.Extensions.AI;
using static ChatRag.Decoder.Onnx.Tests.TemplateTestData;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>Golden strings transcribed by hand from Phi-3.5-mini-instruct's and Phi-4-mini-instruct's chat templates.</summary>
public sealed class PhiTemplateTests
{
    private static readonly List<ChatMessage> Chat =
    [
        new(ChatRole.System, "Be brief."),
        new(ChatRole.User, "Hi there"),
        new(ChatRole.Assistant, "Hello!"),
        new(ChatRole.User, "And now?"),
    ];

    [Fact]
    public void Phi35TurnsEndWithNewlines()
    {
        Assert.Equal(
            "<|system|>\nBe brief.<|end|>\n<|user|>\nHi there<|end|>\n<|assistant|>\nHello!<|end|>\n<|user|>\nAnd now?<|end|>\n<|assistant|>\n",
            new Phi35ChatTemplate().Render(Chat, tools: null));
    }

    [Fact]
    public void Phi35SkipsAnEmptySystemMessageAndEndsWithEosWithoutGenerationPrompt()
    {
        List<ChatMessage> messages = [new(ChatRole.System, string.Empty), new(ChatRole.User, "Hi there")];

        Assert.Equal("<|user|>\nHi there<|end|>\n<|endoftext|>", new Phi35ChatTemplate().Render(messages, tools: null, addGenerationPrompt: false));
    }

    [Fact]
    public void Phi35KeepsToolResultsAsAUserTurn()
    {
        var prompt = new Phi35ChatTemplate().Render(ToolRoundTrip(), [SearchTool]);

        Assert.Equal(
            "<|system|>\nYou answer from the documentation.<|end|>\n<|user|>\nHow do I configure the decoder?<|end|>\n" +
            "<|assistant|>\n<tool_call>\n{\"name\": \"search\", \"arguments\": {\"query\": \"decoder configuration\", \"corpus\": \"docs\"}}\n</tool_call><|end|>\n" +
            "<|user|>\n<tool_response>\nChatRag:Decoder:Endpoint sets the server.\n</tool_response><|end|>\n<|assistant|>\n",
            prompt);
    }

    [Fact]
    public void Phi4HasNoNewlinesBetweenTurns()
    {
        Assert.Equal(
            "<|system|>Be brief.<|end|><|user|>Hi there<|end|><|assistant|>Hello!<|end|><|user|>And now?<|end|><|assistant|>",
            new Phi4ChatTemplate().Render(Chat, tools: null));
        Assert.Equal(
            "<|user|>Hi there<|end|><|endoftext|>",
            new Phi4ChatTemplate().Render([new ChatMessage(ChatRole.User, "Hi there")], tools: null, addGenerationPrompt: false));
    }

    [Fact]
    public void Phi4PutsToolsInTheSystemTurnAndCallsInToolCallTags()
    {
        var prompt = new Phi4ChatTemplate().Render(ToolRoundTrip(), [SearchTool]);

        Assert.Equal(
            "<|system|>You answer from the documentation.<|tool|>[{\"name\": \"search\", " +
            "\"description\": \"Search the indexed corpus and return the most relevant passages.\", " +
            "\"parameters\": {\"query\": {\"type\": \"string\", \"description\": \"What to look for.\"}, " +
            "\"corpus\": {\"type\": \"string\", \"enum\": [\"code\", \"docs\"], \"description\": \"Which corpus to search.\"}}}]<|/tool|><|end|>" +
            "<|user|>How do I configure the decoder?<|end|>" +
            "<|assistant|><|tool_call|>[{\"name\": \"search\", \"arguments\": {\"query\": \"decoder configuration\", \"corpus\": \"docs\"}}]<|/tool_call|><|end|>" +
            "<|tool|>ChatRag:Decoder:Endpoint sets the server.<|end|><|assistant|>",
            prompt);
    }

    [Fact]
    public void Phi4WithToolsAndNoSystemMessageAddsAnEmptySystemTurn()
    {
        var prompt = new Phi4ChatTemplate().Render(ToolRoundTrip(withSystem: false), [SearchTool]);

        Assert.StartsWith("<|system|><|tool|>[{\"name\": \"search\"", prompt, StringComparison.Ordinal);
        Assert.Contains("<|/tool|><|end|><|user|>How do I configure the decoder?<|end|>", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void StopStringsEndTheTurn()
    {
        Assert.Equal(["<|end|>", "<|endoftext|>"], new Phi35ChatTemplate().StopStrings);
        Assert.Equal(["<|end|>", "<|endoftext|>"], new Phi4ChatTemplate().StopStrings);
    }
}
