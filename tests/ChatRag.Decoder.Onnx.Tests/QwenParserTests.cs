using ChatRag.Decoder.Onnx.Parsing;
using ChatRag.Decoder.Onnx.Templates;
using Microsoft.Extensions.AI;
using static ChatRag.Decoder.Onnx.Tests.ParserRun;

namespace ChatRag.Decoder.Onnx.Tests;

public sealed class QwenParserTests
{
    private const string Call = "<tool_call>\n{\"name\": \"search\", \"arguments\": {\"query\": \"decoder options\", \"corpus\": \"docs\"}}\n</tool_call>";
    private static readonly string SearchLine = "call:search" + Args(("query", "decoder options"), ("corpus", "docs"));

    private static IModelOutputParser Create() => new QwenChatTemplate().CreateOutputParser();

    [Fact]
    public void PlainTextPassesThrough() => AssertSplitInvariant(Create, "Hello, <b>world</b> a < b.", ["text:Hello, <b>world</b> a < b."]);

    [Fact]
    public void WellFormedCallBecomesFunctionCallContent() =>
        AssertSplitInvariant(Create, "Let me search.\n" + Call, ["text:Let me search.", SearchLine]);

    [Fact]
    public void SeveralCallsAndTextAfterThem()
    {
        var second = Call.Replace("docs", "code", StringComparison.Ordinal);
        AssertSplitInvariant(Create, Call + "\n" + second + "\nDone.",
            [SearchLine, "call:search" + Args(("query", "decoder options"), ("corpus", "code")), "text:Done."]);
    }

    [Fact]
    public void ReasoningThenCallThenNothing() =>
        AssertSplitInvariant(Create, "<think>\nI should search the docs.\n</think>\n\n" + Call,
            ["reasoning:\nI should search the docs.\n", SearchLine]);

    [Fact]
    public void ReasoningAndAnswerInterleave() =>
        AssertSplitInvariant(Create, "<think>a</think>First.<think>b</think>Second.",
            ["reasoning:a", "text:First.", "reasoning:b", "text:Second."]);

    // A closed block is a call the model meant to make: it reaches the tool loop as a malformed call (the loop answers
    // it with an error the model reads), keeping the name when one can be read.
    [Fact]
    public void MalformedJsonIsAMalformedCallWithItsName()
    {
        const string bad = "<tool_call>\n{\"name\": \"search\", \"arguments\": {\"query\": }\n</tool_call>";
        AssertSplitInvariant(Create, "Trying.\n" + bad + " Sorry.", ["text:Trying.", "malformed:search", "text:Sorry."]);
    }

    [Fact]
    public void MalformedCallCarriesTheJsonErrorAsItsException()
    {
        var call = Assert.IsType<FunctionCallContent>(Assert.Single(Feed(Create(), ["<tool_call>{\"name\": \"search\", \"arguments\": {\"query\": }}</tool_call>"])));
        Assert.StartsWith("The tool call could not be read: the JSON is not valid", call.Exception!.Message, StringComparison.Ordinal);
        Assert.Null(call.Arguments);
    }

    [Fact]
    public void JsonWithoutANameIsAMalformedCallNoToolHas() =>
        AssertSplitInvariant(Create, "<tool_call>{\"arguments\": {}}</tool_call>", ["malformed:invalid_tool_call"]);

    [Fact]
    public void UnclosedCallWithCompleteJsonIsStillACall() =>
        AssertSplitInvariant(Create, Call[..^"</tool_call>".Length], [SearchLine]);

    [Fact]
    public void UnclosedCallWithTruncatedJsonIsText() =>
        AssertSplitInvariant(Create, "<tool_call>\n{\"name\": \"sea", ["text:<tool_call>\n{\"name\": \"sea"]);

    [Fact]
    public void ArgumentsWrittenAsAJsonStringAreUnpacked() =>
        AssertSplitInvariant(Create, "<tool_call>{\"name\": \"search\", \"arguments\": \"{\\\"query\\\": \\\"x\\\"}\"}</tool_call>",
            ["call:search" + Args(("query", "x"))]);

    [Fact]
    public void ArgumentValuesAreJsonElements()
    {
        var call = Assert.IsType<FunctionCallContent>(Assert.Single(Feed(Create(), ["<tool_call>{\"name\": \"f\", \"arguments\": {\"n\": 3, \"tags\": [\"a\"]}}</tool_call>"])));
        var n = Assert.IsType<System.Text.Json.JsonElement>(call.Arguments!["n"]);
        Assert.Equal(3, n.GetInt32());
        Assert.StartsWith("call_", call.CallId, StringComparison.Ordinal);
    }

    [Fact]
    public void TagPrefixesAreHeldBackNeverLeaked()
    {
        var parser = Create();
        var early = parser.Push("Checking <tool_").ToList();
        Assert.Equal(["text:Checking"], Describe(early));
        var rest = parser.Push("call>{\"name\": \"f\", \"arguments\": {}}</tool_").Concat(parser.Push("call>")).Concat(parser.Complete()).ToList();
        Assert.Equal(["call:f{}"], Describe(rest));
    }

    [Fact]
    public void ReasoningStreamsBeforeItsEndTagArrives()
    {
        var parser = Create();
        Assert.Equal(["reasoning:step one"], Describe(parser.Push("<think>step one")));
        Assert.Equal(["reasoning: two"], Describe(parser.Push(" two</th")));
        Assert.Equal(["text:Answer"], Describe(parser.Push("ink>Answer").Concat(parser.Complete())));
    }

    [Fact]
    public void OutputThatStartsInsideReasoning()
    {
        IModelOutputParser Thinking() => new ModelOutputParser(ModelOutputParserOptions.Qwen with { StartsInReasoning = true });
        AssertSplitInvariant(Thinking, "plan it</think>\n\nThe answer.", ["reasoning:plan it", "text:The answer."]);
    }

    [Fact]
    public void TrailingWhitespaceOfAnAnswerIsKept() => AssertSplitInvariant(Create, "Answer.\n", ["text:Answer.\n"]);

    [Fact]
    public void NothingMayBePushedAfterComplete()
    {
        var parser = Create();
        _ = parser.Complete().ToList();
        Assert.Throws<ObjectDisposedException>(() => parser.Push("x"));
    }
}
